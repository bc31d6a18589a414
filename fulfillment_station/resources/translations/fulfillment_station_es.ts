<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>LineItemsModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Código de barras</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>Preparado</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>(no address)</source>
        <translation>(sin dirección)</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>Enviar a</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the ship-to address to the clipboard</source>
        <translation>Copiar la dirección de envío al portapapeles</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Envíos</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>No order selected</source>
        <translation>Ningún pedido seleccionado</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Pedido {number}</translation>
    </message>
    <message>
        <source>UNKNOWN STATUS ({status})</source>
        <translation>ESTADO DESCONOCIDO ({status})</translation>
    </message>
    <message>
        <source>Customer: {contact}</source>
        <translation>Cliente: {contact}</translation>
    </message>
    <message>
        <source>This store's API gives no line items for its orders.</source>
        <translation>La API de esta tienda no proporciona las líneas de sus pedidos.</translation>
    </message>
    <message>
        <source>Subtotal {subtotal}  ·  Shipping {shipping}  ·  Tax {tax}  ·  Total {total}</source>
        <translation>Subtotal {subtotal}  ·  Envío {shipping}  ·  Impuestos {tax}  ·  Total {total}</translation>
    </message>
    <message>
        <source>(no tracking)</source>
        <translation>(sin seguimiento)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n artículo</numerusform>
            <numerusform>%n artículos</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the tracking page (Enter or double-click)</source>
        <translation>Abrir la página de seguimiento (Intro o doble clic)</translation>
    </message>
    <message>
        <source>No shipments yet</source>
        <translation>Aún no hay envíos</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Notas: {notes}</translation>
    </message>
    <message>
        <source>Gift message: {message}</source>
        <translation>Mensaje de regalo: {message}</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>⚠ Problem:</source>
        <translation>⚠ Problema:</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Fulfillment Station — {connection}</source>
        <translation>Fulfillment Station — {connection}</translation>
    </message>
    <message>
        <source>Fulfillment Station — {connection} — TRAINING</source>
        <translation>Fulfillment Station — {connection} — FORMACIÓN</translation>
    </message>
    <message>
        <source>TRAINING MODE — practice orders on a local sandbox. Nothing here reaches a real store or a real customer.</source>
        <translation>MODO FORMACIÓN — pedidos de práctica en un entorno de pruebas local. Nada de lo que haga aquí llega a una tienda ni a un cliente reales.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Fetch new and changed orders from the store (F5)</source>
        <translation>Traer de la tienda los pedidos nuevos y modificados (F5)</translation>
    </message>
    <message>
        <source>Search order number, customer, e-mail, SKU, barcode, tracking…  (Ctrl+F)</source>
        <translation>Buscar número de pedido, cliente, correo, SKU, código de barras, seguimiento…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>● connecting…</source>
        <translation>● conectando…</translation>
    </message>
    <message>
        <source>Whether the last contact with the store worked</source>
        <translation>Si el último contacto con la tienda funcionó</translation>
    </message>
    <message>
        <source>Syncing %v / %m</source>
        <translation>Sincronizando %v / %m</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Cancelar sincronización</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Synced {seen} orders: {new} new, {changed} changed</source>
        <translation>{seen} pedidos sincronizados: {new} nuevos, {changed} modificados</translation>
    </message>
    <message>
        <source>Synced {seen} orders: {new} new, {changed} changed, {removed} gone</source>
        <translation>{seen} pedidos sincronizados: {new} nuevos, {changed} modificados, {removed} eliminados</translation>
    </message>
    <message>
        <source>Sync cancelled; the orders synced so far are kept.</source>
        <translation>Sincronización cancelada; se conservan los pedidos sincronizados hasta ahora.</translation>
    </message>
    <message>
        <source>Sync failed; the orders shown are from the last successful sync.</source>
        <translation>La sincronización falló; los pedidos mostrados son de la última sincronización correcta.</translation>
    </message>
    <message>
        <source>● online</source>
        <translation>● en línea</translation>
    </message>
    <message>
        <source>● OFFLINE</source>
        <translation>● SIN CONEXIÓN</translation>
    </message>
    <message>
        <source>{visible} of {total} orders shown</source>
        <translation>{visible} de {total} pedidos mostrados</translation>
    </message>
    <message>
        <source>Something went wrong: {error}. The details are in the log.</source>
        <translation>Algo salió mal: {error}. Los detalles están en el registro.</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>This window has no keyboard shortcuts.</source>
        <translation>Esta ventana no tiene atajos de teclado.</translation>
    </message>
</context>
</TS>
