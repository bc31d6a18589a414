<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>PackCommands</name>
    <message>
        <source>Next box</source>
        <translation>Caja siguiente</translation>
    </message>
    <message>
        <source>Closes the box being packed and starts another of the same type; the next items go into it (a box barcode starts a box of that type).</source>
        <translation>Cierra la caja que se está embalando y empieza otra del mismo tipo; los artículos siguientes van en ella (un código de barras de caja empieza una caja de ese tipo).</translation>
    </message>
</context>
<context>
    <name>LiveSettings</name>
    <message>
        <source>The claim lease applies from the next start.</source>
        <translation>La duración de la reserva se aplica desde el próximo inicio.</translation>
    </message>
    <message>
        <source>The station database is used from the next start (the open connection keeps the claims it holds until then).</source>
        <translation>La base de datos de la estación se usa desde el próximo inicio (la conexión abierta conserva hasta entonces los pedidos que tiene reservados).</translation>
    </message>
</context>
<context>
    <name>PackModeView</name>
    <message>
        <source>{message} Scan the parcel's own label, or F2 to ship anyway (this is recorded).</source>
        <translation>{message} Escanee la etiqueta del propio paquete, o F2 para enviarlo de todos modos (queda registrado).</translation>
    </message>
    <message>
        <source>Shipping anyway could not be written to the audit log ({message}); nothing was shipped.</source>
        <translation>No se pudo anotar el envío forzado en el registro de auditoría ({message}); no se envió nada.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <source>&amp;About Fulfillment Station</source>
        <translation>&amp;Acerca de Fulfillment Station</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>TRAINING — NOT A REAL SENDER</source>
        <translation>FORMACIÓN — NO ES UN REMITENTE REAL</translation>
    </message>
    <message>
        <source>1 Practice Lane</source>
        <translation>Calle de Prácticas 1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formación</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>Cajas</translation>
    </message>
    <message>
        <source>Box {number} of {count}</source>
        <translation>Caja {number} de {count}</translation>
    </message>
</context>
<context>
    <name>AuditOutcome</name>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>will try again</source>
        <translation>se reintentará</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>descartado</translation>
    </message>
    <message>
        <source>sent again</source>
        <translation>reenviado</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrumpido</translation>
    </message>
    <message>
        <source>narrowed</source>
        <translation>reducido</translation>
    </message>
    <message>
        <source>shipped anyway</source>
        <translation>enviado de todos modos</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>No sound player was found on this computer, so the app can only use the system beep, which many desktops silence and whose volume the app cannot set. Install PipeWire's or PulseAudio's tools (pw-play, paplay) or ALSA's aplay.</source>
        <translation>No se encontró ningún reproductor de sonido en este ordenador, así que la app solo puede usar el pitido del sistema, que muchos escritorios silencian y cuyo volumen la app no puede ajustar. Instala las herramientas de PipeWire o PulseAudio (pw-play, paplay) o aplay de ALSA.</translation>
    </message>
    <message>
        <source>Sounds play through {player}.</source>
        <translation>Los sonidos suenan con {player}.</translation>
    </message>
</context>
<context>
    <name>PaymentStatus</name>
    <message>
        <source>paid</source>
        <translation>pagado</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>sin pagar</translation>
    </message>
    <message>
        <source>payment pending</source>
        <translation>pago pendiente</translation>
    </message>
    <message>
        <source>payment authorized</source>
        <translation>pago autorizado</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>reembolsado</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>reembolsado en parte</translation>
    </message>
    <message>
        <source>payment voided</source>
        <translation>pago anulado</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelpDialog</name>
    <message>
        <source>Orders window</source>
        <translation>Ventana de pedidos</translation>
    </message>
    <message>
        <source>Pack mode</source>
        <translation>Modo de empaquetado</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <source>Command barcode</source>
        <translation>Código de comando</translation>
    </message>
    <message>
        <source>Command barcodes do in pack mode what the keys do, from the scanner: print the sheet from the Print menu (Command barcodes) and keep it at the desk.</source>
        <translation>Los códigos de comando hacen en el modo de empaquetado lo mismo que las teclas, desde el escáner: imprime la hoja desde el menú Imprimir (Códigos de comando) y tenla en el puesto.</translation>
    </message>
</context>
<context>
    <name>PackCommands</name>
    <message>
        <source>OK / acknowledge</source>
        <translation>OK / confirmar</translation>
    </message>
    <message>
        <source>Undo last scan</source>
        <translation>Deshacer el último escaneo</translation>
    </message>
    <message>
        <source>Ship what is scanned</source>
        <translation>Enviar lo escaneado</translation>
    </message>
    <message>
        <source>Next package</source>
        <translation>Siguiente paquete</translation>
    </message>
    <message>
        <source>Ship all unverified</source>
        <translation>Enviar todo sin verificar</translation>
    </message>
    <message>
        <source>Reprint documents</source>
        <translation>Reimprimir documentos</translation>
    </message>
    <message>
        <source>Reset order</source>
        <translation>Reiniciar pedido</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>Cerrar pedido</translation>
    </message>
    <message>
        <source>Type a quantity, then Enter: the last scan counts that many</source>
        <translation>Escribe una cantidad y pulsa Intro: el último escaneo cuenta esa cantidad</translation>
    </message>
    <message>
        <source>Type a quantity, then *: the next scan counts that many</source>
        <translation>Escribe una cantidad y pulsa *: el próximo escaneo cuenta esa cantidad</translation>
    </message>
    <message>
        <source>Take back the last digit typed</source>
        <translation>Borra la última cifra escrita</translation>
    </message>
    <message>
        <source>Choose a line</source>
        <translation>Elegir una línea</translation>
    </message>
    <message>
        <source>Confirm the chosen line without scanning it</source>
        <translation>Confirmar la línea elegida sin escanearla</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Guía de uso</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Fulfillment Station</source>
        <translation>Acerca de Fulfillment Station</translation>
    </message>
    <message>
        <source>Fulfillment Station {version}</source>
        <translation>Fulfillment Station {version}</translation>
    </message>
    <message>
        <source>Licensed under the MIT licence. It is built on these libraries, each under its own licence:</source>
        <translation>Con licencia MIT. Está hecho con estas bibliotecas, cada una con su propia licencia:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Qt and Qt for Python (PySide6) are used under the GNU LGPL version 3; you may replace them with your own build.</source>
        <translation>Qt y Qt for Python (PySide6) se usan bajo la GNU LGPL versión 3; puedes sustituirlos por tu propia compilación.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>This computer has no system password store (keyring) the app can use to keep the API token safe; install or turn on one (GNOME Keyring or KWallet on Linux; Windows and macOS have one built in) and try again, or choose to keep the token in a file only you can read.</source>
        <translation>Este ordenador no tiene un almacén de contraseñas del sistema (llavero) que la app pueda usar para guardar el token de la API de forma segura; instala o activa uno (GNOME Keyring o KWallet en Linux; Windows y macOS ya traen uno) y vuelve a intentarlo, o elige guardar el token en un archivo que solo tú puedas leer.</translation>
    </message>
    <message>
        <source>The system password store (keyring) is locked; unlock it (usually by logging in again) and try again.</source>
        <translation>El almacén de contraseñas del sistema (llavero) está bloqueado; desbloquéalo (normalmente volviendo a iniciar sesión) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Without a system password store, the token can be kept in a file that only your user account on this computer can read. Anyone who can sign in as you, or who gets this disk or a backup of it, can read the token and ship or cancel orders in the store. Use this only on a desk computer that is not shared, and prefer a keyring (GNOME Keyring or KWallet) when you can.</source>
        <translation>Sin un almacén de contraseñas del sistema, el token se puede guardar en un archivo que solo tu cuenta de usuario de este ordenador puede leer. Cualquiera que pueda iniciar sesión como tú, o que se lleve este disco o una copia de seguridad, puede leer el token y enviar o cancelar pedidos en la tienda. Úsalo solo en un ordenador de puesto que no se comparta, y prefiere un llavero (GNOME Keyring o KWallet) cuando puedas.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Keep the token in a file only I can read…</source>
        <translation>Guardar el token en un archivo que solo yo pueda leer…</translation>
    </message>
    <message>
        <source>Keep the token in a file?</source>
        <translation>¿Guardar el token en un archivo?</translation>
    </message>
    <message>
        <source>The token file could not be made: {error}.</source>
        <translation>No se pudo crear el archivo del token: {error}.</translation>
    </message>
</context>
<context>
    <name>BulkShipDialog</name>
    <message>
        <source>All orders shipped.</source>
        <translation>Todos los pedidos enviados.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not read {path}: {why}</source>
        <translation>No se pudo leer {path}: {why}</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <source>Import tracking numbers</source>
        <translation>Importar números de seguimiento</translation>
    </message>
    <message>
        <source>Order {n} has no carrier.</source>
        <translation>El pedido {n} no tiene transportista.</translation>
    </message>
    <message>
        <source>Order {n} has no tracking number.</source>
        <translation>El pedido {n} no tiene número de seguimiento.</translation>
    </message>
    <message>
        <source>Order {n}'s tracking number has a wrong check digit; rescan it.</source>
        <translation>El dígito de control del número de seguimiento del pedido {n} es incorrecto; vuelve a escanearlo.</translation>
    </message>
    <message>
        <source>Order {n}: {why}</source>
        <translation>Pedido {n}: {why}</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Reintentar los fallidos</translation>
    </message>
    <message>
        <source>Scan or type each order's tracking number; Enter moves to the next order.</source>
        <translation>Escanea o escribe el número de seguimiento de cada pedido; Intro pasa al siguiente pedido.</translation>
    </message>
    <message>
        <source>Ship all</source>
        <translation>Enviar todos</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) failed.</source>
        <translation>
            <numerusform>Falló %n pedido.</numerusform>
            <numerusform>Fallaron %n pedidos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ship %n order(s)</source>
        <translation>
            <numerusform>Enviar %n pedido</numerusform>
            <numerusform>Enviar %n pedidos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkShipModel</name>
    <message>
        <source>Carrier</source>
        <translation>Transportista</translation>
    </message>
    <message>
        <source>Check digit wrong: rescan</source>
        <translation>Dígito de control incorrecto: vuelve a escanear</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation>Falló: {message}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Número de seguimiento</translation>
    </message>
    <message>
        <source>Unknown format: check it</source>
        <translation>Formato desconocido: compruébalo</translation>
    </message>
</context>
<context>
    <name>CreateOrderDialog</name>
    <message>
        <source>Add at least one line with a SKU.</source>
        <translation>Añade al menos una línea con un SKU.</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Añadir línea</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Crear pedido</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Line {n} has no SKU.</source>
        <translation>La línea {n} no tiene SKU.</translation>
    </message>
    <message>
        <source>Line {n} needs a quantity of at least 1.</source>
        <translation>La línea {n} necesita una cantidad de al menos 1.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Nuevo pedido</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Sin existencias</translation>
    </message>
    <message>
        <source>Out of stock: {skus}. Change or remove these lines.</source>
        <translation>Sin existencias: {skus}. Cambia o quita estas líneas.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Quitar línea</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>Enviar a</translation>
    </message>
    <message>
        <source>The currency must be a three-letter code, like USD.</source>
        <translation>La moneda debe ser un código de tres letras, como USD.</translation>
    </message>
</context>
<context>
    <name>NewLinesModel</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
</context>
<context>
    <name>ConnectorError</name>
    <message>
        <source>The store kept sending the same pages of orders, so the app stopped reading the list. The orders read so far are kept; try again later.</source>
        <translation>La tienda seguía enviando las mismas páginas de pedidos, así que la app dejó de leer la lista. Se conservan los pedidos leídos hasta ahora; inténtalo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>The store sent a far larger answer than expected, so the app stopped reading it. Try again later; if it keeps happening, copy the diagnostics for support.</source>
        <translation>La tienda envió una respuesta mucho mayor de lo esperado, así que la app dejó de leerla. Inténtalo más tarde; si sigue pasando, copia el diagnóstico para soporte.</translation>
    </message>
    <message>
        <source>The store's API answered from a different address than the one configured. Check the base URL in the connection settings.</source>
        <translation>La API de la tienda respondió desde una dirección distinta de la configurada. Revisa la URL base en los ajustes de la conexión.</translation>
    </message>
    <message>
        <source>The store's answer does not show that this was saved, so it is not known whether it went through. The app will check the order before trying again.</source>
        <translation>La respuesta de la tienda no muestra que se haya guardado, así que no se sabe si llegó. La app comprobará el pedido antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>The store's secure connection could not be verified (its certificate is not trusted or does not match the address). Check the base URL, or ask the store's IT about the certificate.</source>
        <translation>No se pudo verificar la conexión segura de la tienda (su certificado no es de confianza o no coincide con la dirección). Revisa la URL base o pregunta al equipo técnico de la tienda por el certificado.</translation>
    </message>
</context>
<context>
    <name>Connectors</name>
    <message>
        <source>The base URL must not contain a user name or password; put the API token in the token field instead.</source>
        <translation>La URL base no debe contener un usuario ni una contraseña; pon el token de la API en el campo del token.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>1 order could not be read; see the log.</source>
        <translation>No se pudo leer 1 pedido; consulta el registro.</translation>
    </message>
    <message>
        <source>{count} orders could not be read; see the log.</source>
        <translation>No se pudieron leer {count} pedidos; consulta el registro.</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Ship to</source>
        <translation>Enviar a</translation>
    </message>
    <message>
        <source>Bill to</source>
        <translation>Facturar a</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>No indicada</translation>
    </message>
    <message>
        <source>Same as shipping address</source>
        <translation>La misma que la dirección de envío</translation>
    </message>
    <message>
        <source>Ordered {date}</source>
        <translation>Pedido el {date}</translation>
    </message>
    <message>
        <source>Items: {count}</source>
        <translation>Artículos: {count}</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Código de barras</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{count} sent</source>
        <translation>{count} enviado(s)</translation>
    </message>
    <message>
        <source>This order has no line items.</source>
        <translation>Este pedido no tiene artículos.</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Envío</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Impuestos</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Gift message</source>
        <translation>Mensaje de regalo</translation>
    </message>
    <message>
        <source>(order number cannot be shown as a barcode)</source>
        <translation>(el número de pedido no se puede mostrar como código de barras)</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Pedido {number}</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>Albarán</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <source>FROM:</source>
        <translation>REMITENTE:</translation>
    </message>
    <message>
        <source>SHIP TO:</source>
        <translation>DESTINATARIO:</translation>
    </message>
    <message>
        <source>{carrier} TRACKING #</source>
        <translation>SEGUIMIENTO {carrier}</translation>
    </message>
    <message>
        <source>TRACKING #</source>
        <translation>SEGUIMIENTO</translation>
    </message>
    <message>
        <source>NO TRACKING NUMBER</source>
        <translation>SIN NÚMERO DE SEGUIMIENTO</translation>
    </message>
    <message>
        <source>Shipped: {date}</source>
        <translation>Enviado: {date}</translation>
    </message>
    <message>
        <source>Printed: {date}</source>
        <translation>Impreso: {date}</translation>
    </message>
    <message>
        <source>Weight: {weight}</source>
        <translation>Peso: {weight}</translation>
    </message>
</context>
<context>
    <name>TrackingGuard</name>
    <message>
        <source>Tracking number {tracking} is already used on order {other}. Check that the label on this parcel belongs to order {order}.</source>
        <translation>El número de seguimiento {tracking} ya se usa en el pedido {other}. Comprueba que la etiqueta de este paquete es del pedido {order}.</translation>
    </message>
    <message>
        <source>Shipped with tracking number {tracking}, already used on order {other}</source>
        <translation>Enviado con el número de seguimiento {tracking}, ya usado en el pedido {other}</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Ship anyway: this label belongs to this parcel (recorded in the audit log)</source>
        <translation>Enviar de todos modos: esta etiqueta es de este paquete (queda en el registro de auditoría)</translation>
    </message>
    <message>
        <source>{sentence} Rescan the parcel's own label, or tick &quot;Ship anyway&quot;.</source>
        <translation>{sentence} Escanea la etiqueta de este paquete o marca «Enviar de todos modos».</translation>
    </message>
    <message>
        <source>Shipping anyway could not be written to the audit log, so nothing was shipped. Check the disk, then try again.</source>
        <translation>No se pudo anotar «Enviar de todos modos» en el registro de auditoría, así que no se ha enviado nada. Revisa el disco y vuelve a intentarlo.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No ship-from address is set up yet. Enter the store's return address (name, street, city, country) in Settings → Station before printing the first label.</source>
        <translation>Aún no hay dirección de remitente. Introduce la dirección de devolución de la tienda (nombre, calle, ciudad, país) en Configuración → Puesto antes de imprimir la primera etiqueta.</translation>
    </message>
</context>
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
        <source>On hold, do not ship: {reasons}</source>
        <translation>Retenido, no enviar: {reasons}</translation>
    </message>
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
    <message>
        <source>this desk</source>
        <translation>este puesto</translation>
    </message>
    <message>
        <source>Marketplace order {id}</source>
        <translation>Pedido del marketplace {id}</translation>
    </message>
    <message numerus="yes">
        <source>Parcel {n}: {weight} kg {size} · %n item(s)</source>
        <translation>
            <numerusform>Bulto {n}: {weight} kg {size} · %n artículo</numerusform>
            <numerusform>Bulto {n}: {weight} kg {size} · %n artículos</numerusform>
        </translation>
    </message>
    <message>
        <source>RETURNS</source>
        <translation>DEVOLUCIONES</translation>
    </message>
    <message>
        <source>Service paid for: {service}</source>
        <translation>Servicio pagado: {service}</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>from warehouse {id}</source>
        <translation>desde el almacén {id}</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>en tránsito</translation>
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
        <source>Order {number} created.</source>
        <translation>Pedido {number} creado.</translation>
    </message>
    <message>
        <source>Why must this order wait? (shown to every packer)</source>
        <translation>¿Por qué debe esperar este pedido? (lo verán todos los embaladores)</translation>
    </message>
    <message>
        <source>Put order {number} on hold</source>
        <translation>Retener el pedido {number}</translation>
    </message>
    <message>
        <source>Put on &amp;hold…</source>
        <translation>&amp;Retener…</translation>
    </message>
    <message>
        <source>&amp;Release hold</source>
        <translation>&amp;Liberar retención</translation>
    </message>
    <message>
        <source>The API said: {api}</source>
        <translation>La API dijo: {api}</translation>
    </message>
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
    <message>
        <source>Queued: {summary}</source>
        <translation>En cola: {summary}</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>&amp;Pedido</translation>
    </message>
    <message>
        <source>&amp;Ship…</source>
        <translation>&amp;Enviar…</translation>
    </message>
    <message>
        <source>&amp;Fulfill…</source>
        <translation>Pre&amp;parar…</translation>
    </message>
    <message>
        <source>&amp;Bulk ship…</source>
        <translation>Envío &amp;masivo…</translation>
    </message>
    <message>
        <source>&amp;Cancel order…</source>
        <translation>&amp;Cancelar pedido…</translation>
    </message>
    <message>
        <source>&amp;Edit order…</source>
        <translation>E&amp;ditar pedido…</translation>
    </message>
    <message>
        <source>&amp;New order…</source>
        <translation>&amp;Nuevo pedido…</translation>
    </message>
    <message>
        <source>Not available: {why}</source>
        <translation>No disponible: {why}</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Exportar registro de auditoría</translation>
    </message>
    <message>
        <source>Audit log exported to {path}</source>
        <translation>Registro de auditoría exportado a {path}</translation>
    </message>
    <message>
        <source>The audit log could not be exported: {error}</source>
        <translation>No se pudo exportar el registro de auditoría: {error}</translation>
    </message>
    <message>
        <source>Export audit &amp;log (CSV)…</source>
        <translation>Exportar &amp;registro de auditoría (CSV)…</translation>
    </message>
    <message>
        <source>Shift &amp;report…</source>
        <translation>&amp;Informe del turno…</translation>
    </message>
    <message>
        <source>Today&apos;s numbers from every desk: per hour, scans, manifest</source>
        <translation>Las cifras de hoy de todos los puestos: por hora, escaneos, manifiesto</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>Cola de impresión</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimir</translation>
    </message>
    <message>
        <source>Select an order first.</source>
        <translation>Seleccione primero un pedido.</translation>
    </message>
    <message>
        <source>That order is no longer in the local cache.</source>
        <translation>Ese pedido ya no está en la caché local.</translation>
    </message>
    <message>
        <source>Select one or more orders first.</source>
        <translation>Seleccione primero uno o más pedidos.</translation>
    </message>
    <message>
        <source>Packing slips ({n})</source>
        <translation>Albaranes ({n})</translation>
    </message>
    <message>
        <source>Pick list ({n} orders)</source>
        <translation>Lista de preparación ({n} pedidos)</translation>
    </message>
    <message>
        <source>Command barcodes</source>
        <translation>Códigos de barras de comandos</translation>
    </message>
    <message>
        <source>Print &amp;slip of the selected order</source>
        <translation>Imprimir &amp;albarán del pedido seleccionado</translation>
    </message>
    <message>
        <source>Print slips of the selected orders…</source>
        <translation>Imprimir albaranes de los pedidos seleccionados…</translation>
    </message>
    <message>
        <source>Pick &amp;list of the selected orders…</source>
        <translation>&amp;Lista de preparación de los pedidos seleccionados…</translation>
    </message>
    <message>
        <source>&amp;Command barcodes sheet…</source>
        <translation>Hoja de &amp;códigos de barras de comandos…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>A&amp;tajos de teclado</translation>
    </message>
    <message>
        <source>shipping…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <source>fulfilling…</source>
        <translation>preparando…</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>cancelando…</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>guardando…</translation>
    </message>
    <message>
        <source>creating…</source>
        <translation>creando…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Writes waiting in the outbox (View → Outbox)</source>
        <translation>Cambios pendientes en la bandeja de salida (Ver → Bandeja de salida)</translation>
    </message>
    <message>
        <source>&amp;Pack mode</source>
        <translation>Modo &amp;embalaje</translation>
    </message>
    <message>
        <source>Pack orders with the scanner only (F9)</source>
        <translation>Embalar pedidos solo con el escáner (F9)</translation>
    </message>
    <message>
        <source>No order matches {text}.</source>
        <translation>Ningún pedido coincide con {text}.</translation>
    </message>
    <message>
        <source>No order matches the scan {scan}.</source>
        <translation>Ningún pedido coincide con el escaneo {scan}.</translation>
    </message>
    <message>
        <source>{count} orders match the scan {scan}; the first is open.</source>
        <translation>{count} pedidos coinciden con el escaneo {scan}; se ha abierto el primero.</translation>
    </message>
    <message>
        <source>Quit with actions waiting?</source>
        <translation>¿Salir con acciones pendientes?</translation>
    </message>
    <message>
        <source>{n} action(s) are still waiting to be sent to the store. They are saved and will be sent when the app starts again. Quit now?</source>
        <translation>{n} acción(es) siguen pendientes de enviarse a la tienda. Están guardadas y se enviarán cuando la aplicación vuelva a iniciarse. ¿Salir ahora?</translation>
    </message>
    <message>
        <source>Outbox: {n} waiting</source>
        <translation>Bandeja de salida: {n} pendientes</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copiar &amp;diagnóstico</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Diagnostics copied (no tokens).</source>
        <translation>Diagnóstico copiado (sin tokens).</translation>
    </message>
    <message>
        <source>Settings saved. A changed connection opens at the next start.</source>
        <translation>Configuración guardada. Una conexión cambiada se abre al siguiente inicio.</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Conexión</translation>
    </message>
    <message>
        <source>Training store (practice orders)</source>
        <translation>Tienda de formación (pedidos de práctica)</translation>
    </message>
    <message>
        <source>Switch &amp;connection…</source>
        <translation>Cambiar de &amp;conexión…</translation>
    </message>
    <message>
        <source>Open another store, or the training store</source>
        <translation>Abrir otra tienda o la tienda de formación</translation>
    </message>
    <message>
        <source>This connection is already open.</source>
        <translation>Esta conexión ya está abierta.</translation>
    </message>
    <message>
        <source>Switching to {name}: finishing the write in progress first…</source>
        <translation>Cambiando a {name}: primero se termina el envío en curso…</translation>
    </message>
    <message>
        <source>{n} action(s) for {name} are still waiting; they stay saved and are sent when {name} is opened again.</source>
        <translation>{n} acción(es) de {name} siguen pendientes; quedan guardadas y se envían cuando vuelva a abrir {name}.</translation>
    </message>
    <message>
        <source>{name} could not be opened: {reason} You are still on {current}.</source>
        <translation>No se pudo abrir {name}: {reason} Sigue en {current}.</translation>
    </message>
    <message>
        <source>Switch connection</source>
        <translation>Cambiar de conexión</translation>
    </message>
    <message>
        <source>Open {name} now? Writes still waiting for the connection open now stay saved and are sent when it is opened again.</source>
        <translation>¿Abrir {name} ahora? Los cambios pendientes de la conexión abierta quedan guardados y se envían cuando vuelva a abrirse.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message>
        <source>Channel sync…</source>
        <translation>Sincronización de canales…</translation>
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
<context>
    <name>PackLinesModel</name>
    <message>
        <source>{name} (no barcode)</source>
        <translation>{name} (sin código de barras)</translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation>✓ listo</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Escaneado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>PackModeView</name>
    <message>
        <source>No order open</source>
        <translation>Ningún pedido abierto</translation>
    </message>
    <message>
        <source>%v of %m units scanned</source>
        <translation>%v de %m unidades escaneadas</translation>
    </message>
    <message>
        <source>Esc OK · Ctrl+Z undo · F2 ship scanned · F4 next package · F5 reprint · F6 next box · F8 reset · F10 close · 12 Enter: last scan ×12 · 12 *: next scan ×12 · Space: confirm line</source>
        <translation>Esc Aceptar · Ctrl+Z deshacer · F2 enviar lo escaneado · F4 siguiente bulto · F5 reimprimir · F6 siguiente caja · F8 reiniciar · F10 cerrar · 12 Intro: último escaneo ×12 · 12 *: próximo escaneo ×12 · Espacio: confirmar línea</translation>
    </message>
    <message>
        <source>Wait a moment: the app is still working on the last step. Scan again when this message changes.</source>
        <translation>Espere un momento: la aplicación sigue con el último paso. Escanee de nuevo cuando cambie este mensaje.</translation>
    </message>
    <message>
        <source>Stopped. Scan an order to open it.</source>
        <translation>Detenido. Escanee un pedido para abrirlo.</translation>
    </message>
    <message>
        <source>Wait a moment: the app is still working on the last step.</source>
        <translation>Espere un momento: la aplicación sigue con el último paso.</translation>
    </message>
    <message>
        <source>No order is open: scan an order number first.</source>
        <translation>No hay ningún pedido abierto: escanee primero un número de pedido.</translation>
    </message>
    <message>
        <source>Shipping stopped. Keep scanning, or F2 to ship what is scanned.</source>
        <translation>Envío detenido. Siga escaneando, o pulse F2 para enviar lo escaneado.</translation>
    </message>
    <message>
        <source>Order closed; its scans are kept. Scan an order to open it.</source>
        <translation>Pedido cerrado; se conservan sus escaneos. Escanee un pedido para abrirlo.</translation>
    </message>
    <message>
        <source>All counts of this order are back to 0. Scan the items.</source>
        <translation>Todos los recuentos de este pedido vuelven a 0. Escanee los artículos.</translation>
    </message>
    <message>
        <source>The order is waiting for its tracking number: scan it, F2 to ship without one, or F10 to go back to packing.</source>
        <translation>El pedido espera su número de seguimiento: escanéelo, pulse F2 para enviar sin él o F10 para volver a embalar.</translation>
    </message>
    <message>
        <source>Open an order first, then type a quantity.</source>
        <translation>Abra primero un pedido y luego escriba una cantidad.</translation>
    </message>
    <message>
        <source>Quantity typed: {n}  (Enter: last scan counts {n} · *: next scan counts {n})</source>
        <translation>Cantidad escrita: {n}  (Intro: el último escaneo cuenta {n} · *: el próximo escaneo cuenta {n})</translation>
    </message>
    <message>
        <source>Next scan counts {n} units</source>
        <translation>El próximo escaneo cuenta {n} unidades</translation>
    </message>
    <message>
        <source>Pick a line with Up/Down first, then press Space to confirm it.</source>
        <translation>Elija primero una línea con Arriba/Abajo y pulse Espacio para confirmarla.</translation>
    </message>
    <message>
        <source>✓ {sku} {name}: {scanned} of {needed} ({state})</source>
        <translation>✓ {sku} {name}: {scanned} de {needed} ({state})</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>No hay nada que deshacer.</translation>
    </message>
    <message>
        <source>Undone: {sku} {name} is back to {scanned} of {needed}.</source>
        <translation>Deshecho: {sku} {name} vuelve a {scanned} de {needed}.</translation>
    </message>
    <message>
        <source>Printing the packing slip and label…</source>
        <translation>Imprimiendo el albarán y la etiqueta…</translation>
    </message>
    <message>
        <source>Printed again.</source>
        <translation>Impreso de nuevo.</translation>
    </message>
    <message>
        <source>Printing failed: {message} Press F5 to print again, or scan the tracking number.</source>
        <translation>La impresión falló: {message} Pulse F5 para volver a imprimir o escanee el número de seguimiento.</translation>
    </message>
    <message>
        <source>Printing failed: {message} Press F5 to print again.</source>
        <translation>La impresión falló: {message} Pulse F5 para volver a imprimir.</translation>
    </message>
    <message>
        <source>That is not a tracking number: scan the tracking barcode on the shipping label (F10 goes back to packing).</source>
        <translation>Eso no es un número de seguimiento: escanee el código de barras de seguimiento de la etiqueta de envío (F10 vuelve a embalar).</translation>
    </message>
    <message>
        <source>Shipping order {order}…</source>
        <translation>Enviando el pedido {order}…</translation>
    </message>
    <message>
        <source>Package of {order} shipped. Opening the rest…</source>
        <translation>Bulto de {order} enviado. Abriendo el resto…</translation>
    </message>
    <message>
        <source>Order {order} shipped ✓</source>
        <translation>Pedido {order} enviado ✓</translation>
    </message>
    <message>
        <source>Shipping failed: {message} Scan the tracking number again to retry.</source>
        <translation>El envío falló: {message} Escanee de nuevo el número de seguimiento para reintentar.</translation>
    </message>
    <message>
        <source>All orders of this list are packed. Scan an order to open it.</source>
        <translation>Todos los pedidos de esta lista están embalados. Escanee un pedido para abrirlo.</translation>
    </message>
    <message>
        <source>The scan could not be read: scan it again.</source>
        <translation>No se pudo leer el escaneo: escanee de nuevo.</translation>
    </message>
    <message>
        <source>Looking up the order…</source>
        <translation>Buscando el pedido…</translation>
    </message>
    <message>
        <source>No order found for {scan}. Scan the order number or the barcode on the packing slip.</source>
        <translation>No se encontró ningún pedido para {scan}. Escanee el número de pedido o el código de barras del albarán.</translation>
    </message>
    <message>
        <source>{scan} is on {n} orders. Scan the order number or the barcode on the packing slip.</source>
        <translation>{scan} aparece en {n} pedidos. Escanee el número de pedido o el código de barras del albarán.</translation>
    </message>
    <message>
        <source>Order {order} resumed where you left off: {scanned} of {needed} scanned.</source>
        <translation>Pedido {order} retomado donde lo dejó: {scanned} de {needed} escaneados.</translation>
    </message>
    <message>
        <source>Order {order}: scan the items.</source>
        <translation>Pedido {order}: escanee los artículos.</translation>
    </message>
    <message numerus="yes">
        <source>Order {order} · {name} · %n lines</source>
        <translation>
            <numerusform>Pedido {order} · {name} · %n línea</numerusform>
            <numerusform>Pedido {order} · {name} · %n líneas</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan the tracking number on the label (F2: ship without one).</source>
        <translation>Escanee el número de seguimiento de la etiqueta (F2: enviar sin él).</translation>
    </message>
    <message>
        <source>Scan an order number, packing slip or tracking number to start.</source>
        <translation>Escanee un número de pedido, un albarán o un número de seguimiento para empezar.</translation>
    </message>
    <message>
        <source>STOP — {message}
(Esc or Enter to continue)</source>
        <translation>ALTO — {message}
(Esc o Intro para continuar)</translation>
    </message>
    <message>
        <source>Order {order} is open: scan its items.</source>
        <translation>El pedido {order} está abierto: escanee sus artículos.</translation>
    </message>
    <message>
        <source>Next: {item}</source>
        <translation>Siguiente: {item}</translation>
    </message>
    <message>
        <source>All items scanned ✓</source>
        <translation>Todos los artículos escaneados ✓</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>Falta %n</numerusform>
            <numerusform>Faltan %n</numerusform>
        </translation>
    </message>
    <message>
        <source>The next {n} orders of this list cannot be packed now. Scan an order to open it.</source>
        <translation>Los próximos {n} pedidos de esta lista no se pueden embalar ahora. Escanee un pedido para abrirlo.</translation>
    </message>
</context>
<context>
    <name>CapabilitiesModel</name>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Edit connection</source>
        <translation>Editar conexión</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Añadir conexión</translation>
    </message>
    <message>
        <source>unchanged (saved in the system keyring)</source>
        <translation>sin cambios (guardado en el llavero del sistema)</translation>
    </message>
    <message>
        <source>optional: PEM file of a private certificate authority</source>
        <translation>opcional: archivo PEM de una autoridad de certificación privada</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>API dialect</source>
        <translation>Dialecto de la API</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Token de la API</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Paquete de CA</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Dé un nombre a la conexión.</translation>
    </message>
    <message>
        <source>Enter the store's API base URL (it starts with https://).</source>
        <translation>Introduzca la URL base de la API de la tienda (empieza por https://).</translation>
    </message>
    <message>
        <source>Paste the store's API token.</source>
        <translation>Pegue el token de la API de la tienda.</translation>
    </message>
    <message>
        <source>The CA bundle file {path} does not exist.</source>
        <translation>El archivo de paquete de CA {path} no existe.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Reachable: {reachable}
Authenticated: {authenticated}
Orders visible: {count}</source>
        <translation>Accesible: {reachable}
Autenticado: {authenticated}
Pedidos visibles: {count}</translation>
    </message>
    <message>
        <source>The connection could not be tested: {error}</source>
        <translation>No se pudo probar la conexión: {error}</translation>
    </message>
    <message>
        <source>Not tested.</source>
        <translation>Sin probar.</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}.</source>
        <translation>No se pudo guardar la configuración: {error}.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificados (*.pem *.crt);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong in the app, but nothing was lost: queued shipments are safe and you can keep working.</source>
        <translation>Algo salió mal en la aplicación, pero no se ha perdido nada: los envíos en cola están a salvo y puede seguir trabajando.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <source>A report for support was saved to:
{path} ({n} errors since this window opened)</source>
        <translation>Se guardó un informe para soporte en:
{path} ({n} errores desde que se abrió esta ventana)</translation>
    </message>
    <message>
        <source>A report for support was saved to:
{path}</source>
        <translation>Se guardó un informe para soporte en:
{path}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Without returns</source>
        <translation>Sin devoluciones</translation>
    </message>
    <message>
        <source>With returns</source>
        <translation>Con devoluciones</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <source>Customer name or email</source>
        <translation>Nombre o correo del cliente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Fulfillment</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Fulfillment Station</source>
        <translation>Bienvenido a Fulfillment Station</translation>
    </message>
    <message>
        <source>This desk has no store connected yet. Practise first on a training store with realistic fake orders, or connect your store's Orders API now. You can change this later in File → Settings.</source>
        <translation>Este puesto aún no tiene ninguna tienda conectada. Practique primero en una tienda de formación con pedidos ficticios realistas, o conecte ahora la API de pedidos de su tienda. Puede cambiarlo más adelante en Archivo → Configuración.</translation>
    </message>
    <message>
        <source>Practise in &amp;training mode</source>
        <translation>Practicar en modo &amp;formación</translation>
    </message>
    <message>
        <source>&amp;Connect a store…</source>
        <translation>&amp;Conectar una tienda…</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Próximo intento</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Show done</source>
        <translation>Mostrar completadas</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Let this action go: it will not be sent, and later actions on the order can go ahead.</source>
        <translation>Abandonar esta acción: no se enviará y las acciones posteriores del pedido podrán continuar.</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Esperando envío</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Se reintentará</translation>
    </message>
    <message>
        <source>Failed: retry or dismiss</source>
        <translation>Falló: reintente o descarte</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Descartada</translation>
    </message>
    <message>
        <source>Nothing waiting to send</source>
        <translation>Nada pendiente de envío</translation>
    </message>
    <message>
        <source>1 action waiting to send</source>
        <translation>1 acción pendiente de envío</translation>
    </message>
    <message>
        <source>{n} actions waiting to send</source>
        <translation>{n} acciones pendientes de envío</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>API tokens are kept in this computer's password store (keyring), never in the settings file.</source>
        <translation>Los tokens de la API se guardan en el almacén de contraseñas de este equipo (llavero), nunca en el archivo de configuración.</translation>
    </message>
    <message>
        <source>Open on start</source>
        <translation>Abrir al iniciar</translation>
    </message>
    <message>
        <source>Training mode (practice store, no real orders)</source>
        <translation>Modo formación (tienda de práctica, sin pedidos reales)</translation>
    </message>
    <message>
        <source>Connection “{name}”: {problem}</source>
        <translation>Conexión «{name}»: {problem}</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}.</source>
        <translation>No se pudo guardar la configuración: {error}.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Impresoras</translation>
    </message>
    <message>
        <source>Pack mode</source>
        <translation>Modo embalaje</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Escáner</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Sonidos</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>The stores this desk can connect to. Tokens are kept in the system keyring.</source>
        <translation>Las tiendas a las que puede conectarse este puesto. Los tokens se guardan en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Active connection</source>
        <translation>Conexión activa</translation>
    </message>
    <message>
        <source>Id of the connection the app opens; empty means training mode.</source>
        <translation>Id de la conexión que abre la aplicación; vacío significa modo formación.</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Nombre del puesto</translation>
    </message>
    <message>
        <source>Name of this desk, shown in the title bar and in the audit log.</source>
        <translation>Nombre de este puesto, que aparece en la barra de título y en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Packer name</source>
        <translation>Nombre del embalador</translation>
    </message>
    <message>
        <source>Who is packing at this desk; written to the audit log with every action.</source>
        <translation>Quién embala en este puesto; se anota en el registro de auditoría con cada acción.</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Nombre de la tienda</translation>
    </message>
    <message>
        <source>Printed at the top of packing slips.</source>
        <translation>Se imprime en la parte superior de los albaranes.</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>Image printed on packing slips (PNG or JPEG); empty for none.</source>
        <translation>Imagen que se imprime en los albaranes (PNG o JPEG); vacío para ninguna.</translation>
    </message>
    <message>
        <source>Return name</source>
        <translation>Nombre de devolución</translation>
    </message>
    <message>
        <source>Name on the return address.</source>
        <translation>Nombre de la dirección de devolución.</translation>
    </message>
    <message>
        <source>Return company</source>
        <translation>Empresa de devolución</translation>
    </message>
    <message>
        <source>Company on the return address.</source>
        <translation>Empresa de la dirección de devolución.</translation>
    </message>
    <message>
        <source>Return address line 1</source>
        <translation>Dirección de devolución, línea 1</translation>
    </message>
    <message>
        <source>Street and number.</source>
        <translation>Calle y número.</translation>
    </message>
    <message>
        <source>Return address line 2</source>
        <translation>Dirección de devolución, línea 2</translation>
    </message>
    <message>
        <source>Suite, unit, building.</source>
        <translation>Piso, puerta, edificio.</translation>
    </message>
    <message>
        <source>Return city</source>
        <translation>Ciudad de devolución</translation>
    </message>
    <message>
        <source>City of the return address.</source>
        <translation>Ciudad de la dirección de devolución.</translation>
    </message>
    <message>
        <source>Return region</source>
        <translation>Región de devolución</translation>
    </message>
    <message>
        <source>State, province or region.</source>
        <translation>Estado, provincia o región.</translation>
    </message>
    <message>
        <source>Return postal code</source>
        <translation>Código postal de devolución</translation>
    </message>
    <message>
        <source>ZIP or postcode.</source>
        <translation>Código postal.</translation>
    </message>
    <message>
        <source>Return country</source>
        <translation>País de devolución</translation>
    </message>
    <message>
        <source>Two-letter country code, e.g. US.</source>
        <translation>Código de país de dos letras, p. ej. ES.</translation>
    </message>
    <message>
        <source>Slip printer</source>
        <translation>Impresora de albaranes</translation>
    </message>
    <message>
        <source>Printer for packing slips: one from the list, a named printer, or an address (tcp://host:9100, cups:QUEUE, file:/folder). In the training store, empty saves PDF files in the training folder.</source>
        <translation>Impresora para los albaranes: una de la lista, una impresora con nombre o una dirección (tcp://host:9100, cups:COLA, file:/carpeta). En la tienda de formación, vacío guarda archivos PDF en la carpeta de formación.</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Impresora de etiquetas</translation>
    </message>
    <message>
        <source>Printer for shipping labels: one from the list, a named printer, or an address (tcp://host:9100, cups:QUEUE, file:/folder). In the training store, empty saves PDF files in the training folder.</source>
        <translation>Impresora para las etiquetas de envío: una de la lista, una impresora con nombre o una dirección (tcp://host:9100, cups:COLA, file:/carpeta). En la tienda de formación, vacío guarda archivos PDF en la carpeta de formación.</translation>
    </message>
    <message>
        <source>Label format</source>
        <translation>Formato de etiqueta</translation>
    </message>
    <message>
        <source>PDF for ordinary printers, ZPL for Zebra-compatible thermal printers.</source>
        <translation>PDF para impresoras normales, ZPL para impresoras térmicas compatibles con Zebra.</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>ZPL (thermal)</source>
        <translation>ZPL (térmica)</translation>
    </message>
    <message>
        <source>Label printer resolution</source>
        <translation>Resolución de la impresora de etiquetas</translation>
    </message>
    <message>
        <source>Dots per inch of the thermal label printer.</source>
        <translation>Puntos por pulgada de la impresora térmica de etiquetas.</translation>
    </message>
    <message>
        <source>203 dpi</source>
        <translation>203 ppp</translation>
    </message>
    <message>
        <source>300 dpi</source>
        <translation>300 ppp</translation>
    </message>
    <message>
        <source>Slip page size</source>
        <translation>Tamaño de página del albarán</translation>
    </message>
    <message>
        <source>Paper size of packing slips.</source>
        <translation>Tamaño del papel de los albaranes.</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>4×6 inch</source>
        <translation>4×6 pulgadas</translation>
    </message>
    <message>
        <source>Print automatically</source>
        <translation>Imprimir automáticamente</translation>
    </message>
    <message>
        <source>Print the slip and label as soon as an order is fully scanned.</source>
        <translation>Imprimir el albarán y la etiqueta en cuanto un pedido esté escaneado por completo.</translation>
    </message>
    <message>
        <source>Allow shipping unscanned items</source>
        <translation>Permitir enviar artículos sin escanear</translation>
    </message>
    <message>
        <source>Let the packer ship an order without scanning every item.</source>
        <translation>Permite al embalador enviar un pedido sin escanear todos los artículos.</translation>
    </message>
    <message>
        <source>Pack mode font size</source>
        <translation>Tamaño de letra del modo embalaje</translation>
    </message>
    <message>
        <source>Text size in pack mode, in points.</source>
        <translation>Tamaño del texto en el modo embalaje, en puntos.</translation>
    </message>
    <message>
        <source>Scanner key gap (ms)</source>
        <translation>Intervalo entre teclas del escáner (ms)</translation>
    </message>
    <message>
        <source>Keys closer together than this are treated as a scanner, not a person.</source>
        <translation>Las teclas más seguidas que esto se tratan como un escáner, no como una persona.</translation>
    </message>
    <message>
        <source>Shortest scan</source>
        <translation>Escaneo más corto</translation>
    </message>
    <message>
        <source>Bursts shorter than this many characters are treated as typing.</source>
        <translation>Las ráfagas con menos caracteres que estos se tratan como escritura a mano.</translation>
    </message>
    <message>
        <source>Beep on scans, errors and shipments.</source>
        <translation>Pitido en escaneos, errores y envíos.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Sound volume in percent.</source>
        <translation>Volumen del sonido en porcentaje.</translation>
    </message>
    <message>
        <source>Sync every (seconds)</source>
        <translation>Sincronizar cada (segundos)</translation>
    </message>
    <message>
        <source>How often orders are fetched from the store in the background.</source>
        <translation>Cada cuánto se traen los pedidos de la tienda en segundo plano.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language of the app; every window changes to it at once.</source>
        <translation>Idioma de la aplicación; todas las ventanas cambian a él al instante.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Español</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Português (Brasil)</source>
        <translation>Português (Brasil)</translation>
    </message>
    <message>
        <source>Station database</source>
        <translation>Base de datos de la estación</translation>
    </message>
    <message>
        <source>postgresql:// address of the database the desks of this warehouse share (password in the keyring); empty: this desk works alone.</source>
        <translation>Dirección postgresql:// de la base de datos que comparten los puestos de este almacén (la contraseña se guarda en el llavero); vacía: este puesto trabaja solo.</translation>
    </message>
    <message>
        <source>Claim lease (seconds)</source>
        <translation>Reserva de pedido (segundos)</translation>
    </message>
    <message>
        <source>A desk that stops answering for this long loses the orders it was packing to the other desks.</source>
        <translation>Un puesto que deja de responder durante este tiempo cede a los demás puestos los pedidos que estaba empaquetando.</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Order {order} is being packed at {desk} by {packer} since {since}: take another order.</source>
        <translation>El pedido {order} lo está empaquetando {packer} en {desk} desde las {since}: tome otro pedido.</translation>
    </message>
    <message>
        <source>Order {order} was already finished at {desk} at {since}.</source>
        <translation>El pedido {order} ya se terminó en {desk} a las {since}.</translation>
    </message>
    <message>
        <source>A shipment for order {order} is already waiting to be sent at {desk} (queued {since}): do not ship it again.</source>
        <translation>Un envío del pedido {order} ya espera para enviarse en {desk} (en cola desde las {since}): no lo envíe otra vez.</translation>
    </message>
    <message>
        <source>Coordination with the other desks is off (station database unreachable); packing goes on here.</source>
        <translation>La coordinación con los demás puestos está desactivada (no se alcanza la base de datos de la estación); aquí se sigue empaquetando.</translation>
    </message>
    <message>
        <source>Coordinated with the other desks.</source>
        <translation>Coordinado con los demás puestos.</translation>
    </message>
    <message>
        <source>Packing at {desk} · {packer} · since {since}</source>
        <translation>Empaquetando en {desk} · {packer} · desde las {since}</translation>
    </message>
    <message>
        <source>The station database cannot be reached now: try again in a moment.</source>
        <translation>No se alcanza la base de datos de la estación: vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The shift&apos;s numbers come from a station database: set one in Settings → Station.</source>
        <translation>Las cifras del turno vienen de una base de datos de estación: configúrela en Configuración → Puesto.</translation>
    </message>
</context>
<context>
    <name>ShiftReportDialog</name>
    <message>
        <source>Shift numbers · {day}</source>
        <translation>Cifras del turno · {day}</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>Empaquetador</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>Cajas</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source>Wrong items</source>
        <translation>Artículos equivocados</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Excepciones</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transportista</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Número de seguimiento</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Por hora</translation>
    </message>
    <message>
        <source>Pack times</source>
        <translation>Tiempos de empaquetado</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Escaneos</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifiesto</translation>
    </message>
    <message>
        <source>Save manifest as PDF…</source>
        <translation>Guardar manifiesto como PDF…</translation>
    </message>
    <message>
        <source>Save manifest as CSV…</source>
        <translation>Guardar manifiesto como CSV…</translation>
    </message>
    <message>
        <source>Save manifest</source>
        <translation>Guardar manifiesto</translation>
    </message>
</context>
<context>
    <name>AddressForm</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Address line 1</source>
        <translation>Dirección, línea 1</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Dirección, línea 2</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>State or region</source>
        <translation>Provincia o región</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>address line 1</source>
        <translation>dirección (línea 1)</translation>
    </message>
    <message>
        <source>city</source>
        <translation>ciudad</translation>
    </message>
    <message>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <source>The address needs a {fields}.</source>
        <translation>A la dirección le falta: {fields}.</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order {n}</source>
        <translation>Cancelar pedido {n}</translation>
    </message>
    <message>
        <source>Keep order</source>
        <translation>Conservar pedido</translation>
    </message>
    <message>
        <source>Customer asked to cancel</source>
        <translation>El cliente pidió cancelar</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Sin existencias</translation>
    </message>
    <message>
        <source>Payment problem</source>
        <translation>Problema con el pago</translation>
    </message>
    <message>
        <source>Duplicate order</source>
        <translation>Pedido duplicado</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>Sospecha de fraude</translation>
    </message>
    <message>
        <source>Cannot deliver to address</source>
        <translation>No se puede entregar en la dirección</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Motivo (obligatorio)</translation>
    </message>
    <message>
        <source>Reason (kept in this app)</source>
        <translation>Motivo (se guarda en esta aplicación)</translation>
    </message>
    <message>
        <source>Email the customer</source>
        <translation>Avisar al cliente por correo</translation>
    </message>
    <message>
        <source>Cancelling cannot be undone.</source>
        <translation>La cancelación no se puede deshacer.</translation>
    </message>
    <message>
        <source>Choose or type a reason for cancelling.</source>
        <translation>Elija o escriba un motivo de cancelación.</translation>
    </message>
</context>
<context>
    <name>EditOrderDialog</name>
    <message>
        <source>Edit order {n}</source>
        <translation>Editar pedido {n}</translation>
    </message>
    <message>
        <source>Shipping address</source>
        <translation>Dirección de envío</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>{store} cannot move an order that is {status} to another status.</source>
        <translation>{store} no permite pasar a otro estado un pedido que está en «{status}».</translation>
    </message>
    <message>
        <source>the notes</source>
        <translation>las notas</translation>
    </message>
    <message>
        <source>the shipping address</source>
        <translation>la dirección de envío</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>el estado</translation>
    </message>
    <message>
        <source>{store}'s API cannot change {what}.</source>
        <translation>La API de {store} no permite cambiar {what}.</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>No ha cambiado nada.</translation>
    </message>
</context>
<context>
    <name>PrintJobsModel</name>
    <message>
        <source>Waiting to print</source>
        <translation>Esperando impresión</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Imprimiendo</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impreso</translation>
    </message>
    <message>
        <source>Failed — press Retry</source>
        <translation>Falló — pulse Reintentar</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>Albarán</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>{document} (reprint)</source>
        <translation>{document} (reimpresión)</translation>
    </message>
</context>
<context>
    <name>PrintQueuePanel</name>
    <message>
        <source>Print jobs</source>
        <translation>Trabajos de impresión</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Send the selected job to its printer again.</source>
        <translation>Enviar de nuevo el trabajo seleccionado a su impresora.</translation>
    </message>
    <message>
        <source>Re&amp;print</source>
        <translation>Re&amp;imprimir</translation>
    </message>
    <message>
        <source>Print another copy of the selected document.</source>
        <translation>Imprimir otra copia del documento seleccionado.</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Fulfill order {n}</source>
        <translation>Preparar pedido {n}</translation>
    </message>
    <message>
        <source>Ship order {n}</source>
        <translation>Enviar pedido {n}</translation>
    </message>
    <message>
        <source>Fulfill</source>
        <translation>Preparar</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Add another shipment</source>
        <translation>Añadir otro envío</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>Fecha de envío</translation>
    </message>
    <message>
        <source>Email the customer</source>
        <translation>Avisar al cliente por correo</translation>
    </message>
    <message>
        <source>The store will not see the tracking number; it is kept in this app</source>
        <translation>La tienda no verá el número de seguimiento; se guarda en esta aplicación</translation>
    </message>
    <message>
        <source>Units to ship</source>
        <translation>Unidades a enviar</translation>
    </message>
    <message>
        <source> of {n}</source>
        <translation> de {n}</translation>
    </message>
    <message>
        <source>{store} cannot ship some lines only: everything that remains ships together.</source>
        <translation>{store} no permite enviar solo algunas líneas: todo lo pendiente se envía junto.</translation>
    </message>
    <message>
        <source>Shipment {n}</source>
        <translation>Envío {n}</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Número de seguimiento</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transportista</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Largo</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ancho</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>The app does not know this tracking number format; check it before shipping.</source>
        <translation>La aplicación no reconoce este formato de número de seguimiento; revíselo antes de enviar.</translation>
    </message>
    <message>
        <source>The check digit of this {carrier} number is wrong; rescan it.</source>
        <translation>El dígito de control de este número de {carrier} es incorrecto; vuelva a escanearlo.</translation>
    </message>
    <message>
        <source>{carrier} tracking number.</source>
        <translation>Número de seguimiento de {carrier}.</translation>
    </message>
    <message>
        <source>Choose a carrier.</source>
        <translation>Elija un transportista.</translation>
    </message>
    <message>
        <source>Scan or type the tracking number.</source>
        <translation>Escanee o escriba el número de seguimiento.</translation>
    </message>
    <message>
        <source>The tracking number's check digit is wrong: rescan it, or tick "Ship anyway with this tracking number".</source>
        <translation>El dígito de control del número de seguimiento es incorrecto: vuelva a escanearlo o marque «Enviar igualmente con este número de seguimiento».</translation>
    </message>
    <message>
        <source>Type or scan</source>
        <translation>Escriba o escanee</translation>
    </message>
    <message>
        <source>Ship anyway with this tracking number</source>
        <translation>Enviar igualmente con este número de seguimiento</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>on hold</source>
        <translation>retenido</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Fulfillment</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>En proceso</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Unfulfilled</source>
        <translation>Sin preparar</translation>
    </message>
    <message>
        <source>Partly shipped</source>
        <translation>Enviado en parte</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>Preparado</translation>
    </message>
    <message>
        <source>The store sent a status this app does not know.</source>
        <translation>La tienda envió un estado que esta aplicación no conoce.</translation>
    </message>
    <message>
        <source>The ship-to address lacks a name, street, city or country.</source>
        <translation>A la dirección de envío le falta el nombre, la calle, la ciudad o el país.</translation>
    </message>
    <message>
        <source>Cancelled although goods have already shipped.</source>
        <translation>Cancelado aunque la mercancía ya se envió.</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Orders with goods still to pack (pending, confirmed or processing), not on hold.</source>
        <translation>Pedidos con mercancía aún por embalar (pendientes, confirmados o en proceso), no retenidos.</translation>
    </message>
    <message>
        <source>To pack</source>
        <translation>Por preparar</translation>
    </message>
    <message>
        <source>Partly shipped</source>
        <translation>Enviados en parte</translation>
    </message>
    <message>
        <source>Shipped today</source>
        <translation>Enviados hoy</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Orders with goods still to pack (pending, confirmed or processing).</source>
        <translation>Pedidos con mercancía aún por embalar (pendientes, confirmados o en proceso).</translation>
    </message>
    <message>
        <source>Orders of which some goods have shipped and some have not.</source>
        <translation>Pedidos de los que una parte ya se envió y otra no.</translation>
    </message>
    <message>
        <source>Orders with a shipment dated today.</source>
        <translation>Pedidos con un envío de hoy.</translation>
    </message>
    <message>
        <source>Unknown status, unusable address, or cancelled after goods left.</source>
        <translation>Estado desconocido, dirección inutilizable o cancelado tras salir la mercancía.</translation>
    </message>
    <message>
        <source>Every order in the local cache.</source>
        <translation>Todos los pedidos de la caché local.</translation>
    </message>
</context>
<context>
    <name>Capabilities</name>
    <message>
        <source>This store's API has no field for tracking numbers: the store and the customer will not see it. Shipped from the app, it is kept in this desk's audit log and the order's timeline.</source>
        <translation>La API de esta tienda no tiene campo para números de seguimiento: ni la tienda ni el cliente lo verán. Si se envía desde la aplicación, queda en el registro de auditoría de este puesto y en el historial del pedido.</translation>
    </message>
    <message>
        <source>Once an order is fulfilled this app adds no more shipments to it: add a late parcel's tracking number in Squarespace itself.</source>
        <translation>Cuando un pedido ya está preparado, esta aplicación no le añade más envíos: añada el número de seguimiento de un paquete tardío en el propio Squarespace.</translation>
    </message>
    <message>
        <source>{store}'s API documents no way to do this.</source>
        <translation>La API de {store} no ofrece ninguna forma de hacer esto.</translation>
    </message>
    <message>
        <source>{store}'s API cannot do this.</source>
        <translation>La API de {store} no puede hacer esto.</translation>
    </message>
    <message>
        <source>{store}'s API cannot filter by {filters}.</source>
        <translation>La API de {store} no puede filtrar por {filters}.</translation>
    </message>
    <message>
        <source>This store's API has no field for tracking numbers: the tracking number is kept only in this app, and the customer will not see it from the store.</source>
        <translation>La API de esta tienda no tiene campo para el número de seguimiento: el número se guarda solo en esta aplicación y el cliente no lo verá en la tienda.</translation>
    </message>
    <message>
        <source>Marks the whole order shipped. {no_tracking}</source>
        <translation>Marca todo el pedido como enviado. {no_tracking}</translation>
    </message>
    <message>
        <source>Generic REST has one way to mark an order sent: use Ship, which sets its status to shipped.</source>
        <translation>Generic REST solo tiene una forma de marcar un pedido como enviado: use Enviar, que cambia su estado a enviado.</translation>
    </message>
    <message>
        <source>Generic REST's API has no endpoint to ship many orders at once; ship them one by one.</source>
        <translation>La API de Generic REST no permite enviar varios pedidos a la vez; envíelos uno a uno.</translation>
    </message>
    <message>
        <source>The store takes no cancellation reason; the app keeps it.</source>
        <translation>La tienda no recibe el motivo de la cancelación; la aplicación lo guarda.</translation>
    </message>
    <message>
        <source>Only the shipping address and the status can change.</source>
        <translation>Solo se pueden cambiar la dirección de envío y el estado.</translation>
    </message>
    <message>
        <source>If the store's answer is lost, look for the order before creating it again: the API cannot tell a repeat from a new order.</source>
        <translation>Si se pierde la respuesta de la tienda, busque el pedido antes de crearlo otra vez: la API no distingue una repetición de un pedido nuevo.</translation>
    </message>
    <message>
        <source>Generic REST's API has no shipments; an order is only marked shipped.</source>
        <translation>La API de Generic REST no tiene envíos; un pedido solo se marca como enviado.</translation>
    </message>
    <message>
        <source>Generic REST's API has no endpoint to sync channels.</source>
        <translation>La API de Generic REST no permite sincronizar canales.</translation>
    </message>
    <message>
        <source>Generic REST's API makes no shipping labels; print them from this app.</source>
        <translation>La API de Generic REST no genera etiquetas de envío; imprímalas desde esta aplicación.</translation>
    </message>
    <message>
        <source>Orders can only be shipped whole: the API has no partial shipment.</source>
        <translation>Los pedidos solo se pueden enviar completos: la API no admite envíos parciales.</translation>
    </message>
    <message>
        <source>Items carry product ids only, no product names.</source>
        <translation>Los artículos solo traen el identificador del producto, sin nombre.</translation>
    </message>
    <message>
        <source>Price2b creates the tracking number and the label.</source>
        <translation>Price2b genera el número de seguimiento y la etiqueta.</translation>
    </message>
    <message>
        <source>For parcels shipped outside Price2b: one tracking number.</source>
        <translation>Para bultos enviados fuera de Price2b: un número de seguimiento.</translation>
    </message>
    <message>
        <source>Price2b has no bulk endpoint; the app ships the orders one by one.</source>
        <translation>Price2b no permite envíos masivos; la aplicación envía los pedidos uno a uno.</translation>
    </message>
    <message>
        <source>Only orders with nothing fulfilled yet.</source>
        <translation>Solo pedidos que aún no tienen nada preparado.</translation>
    </message>
    <message>
        <source>Notes; the address until fulfillment starts; the status only for Shopify and web orders (processing, delivered).</source>
        <translation>Notas; la dirección hasta que empiece la preparación; el estado solo en pedidos de Shopify y web (en proceso, entregado).</translation>
    </message>
    <message>
        <source>Price2b's API has no way to create orders; create it in the marketplace or in Price2b.</source>
        <translation>La API de Price2b no permite crear pedidos; créelo en el marketplace o en Price2b.</translation>
    </message>
    <message>
        <source>Asks Price2b to fetch new orders from the marketplaces.</source>
        <translation>Pide a Price2b que traiga los pedidos nuevos de los marketplaces.</translation>
    </message>
    <message>
        <source>The label Price2b made when the order shipped.</source>
        <translation>La etiqueta que Price2b generó al enviar el pedido.</translation>
    </message>
    <message>
        <source>Shipping through Price2b buys the label; the tracking number comes back from Price2b.</source>
        <translation>Enviar a través de Price2b compra la etiqueta; el número de seguimiento lo devuelve Price2b.</translation>
    </message>
    <message>
        <source>Amazon, MercadoLibre and eBay orders take their status from the marketplace.</source>
        <translation>Los pedidos de Amazon, MercadoLibre y eBay toman su estado del marketplace.</translation>
    </message>
    <message>
        <source>The list has no 'changed since' filter, so a refresh reads every page.</source>
        <translation>La lista no tiene filtro de «cambiado desde», así que cada actualización lee todas las páginas.</translation>
    </message>
    <message>
        <source>NexusCommerce's API has no endpoint to {action}; do it in NexusCommerce or the marketplace.</source>
        <translation>La API de NexusCommerce no permite {action}; hágalo en NexusCommerce o en el marketplace.</translation>
    </message>
    <message>
        <source>No 'changed since' filter: each sync reads the whole list.</source>
        <translation>Sin filtro de «cambiado desde»: cada sincronización lee la lista completa.</translation>
    </message>
    <message>
        <source>NexusCommerce passes the shipment on to the marketplace, which may reject an implausible tracking number.</source>
        <translation>NexusCommerce pasa el envío al marketplace, que puede rechazar un número de seguimiento poco creíble.</translation>
    </message>
    <message>
        <source>The marketplace has to approve the cancellation; the order may keep its status for a while.</source>
        <translation>El marketplace tiene que aprobar la cancelación; el pedido puede mantener su estado un tiempo.</translation>
    </message>
    <message>
        <source>NexusCommerce has no separate fulfill step: confirming the shipment is the fulfillment. Use Ship.</source>
        <translation>NexusCommerce no tiene un paso de preparación aparte: confirmar el envío es la preparación. Use Enviar.</translation>
    </message>
    <message>
        <source>change an order</source>
        <translation>modificar un pedido</translation>
    </message>
    <message>
        <source>create an order</source>
        <translation>crear un pedido</translation>
    </message>
    <message>
        <source>Read from the order's detail.</source>
        <translation>Se lee del detalle del pedido.</translation>
    </message>
    <message>
        <source>start a marketplace sync</source>
        <translation>iniciar una sincronización con el marketplace</translation>
    </message>
    <message>
        <source>buy or fetch a shipping label</source>
        <translation>comprar u obtener una etiqueta de envío</translation>
    </message>
    <message>
        <source>NexusCommerce cannot filter by 'changed since', so every sync reads the whole list.</source>
        <translation>NexusCommerce no puede filtrar por «cambiado desde», así que cada sincronización lee la lista completa.</translation>
    </message>
    <message>
        <source>The order list carries no addresses or barcodes; sync reads the detail of each new or changed order.</source>
        <translation>La lista de pedidos no trae direcciones ni códigos de barras; la sincronización lee el detalle de cada pedido nuevo o cambiado.</translation>
    </message>
    <message>
        <source>The carrier service and tracking link are not sent; the marketplace tells the buyer.</source>
        <translation>No se envían el servicio del transportista ni el enlace de seguimiento; el marketplace informa al comprador.</translation>
    </message>
    <message>
        <source>50 orders a page, oldest change first.</source>
        <translation>50 pedidos por página, primero el cambio más antiguo.</translation>
    </message>
    <message>
        <source>Marks the whole order fulfilled; Squarespace cannot ship some lines only.</source>
        <translation>Marca todo el pedido como preparado; Squarespace no puede enviar solo algunas líneas.</translation>
    </message>
    <message>
        <source>Marks the whole order fulfilled, with the shipments given.</source>
        <translation>Marca todo el pedido como preparado, con los envíos indicados.</translation>
    </message>
    <message>
        <source>Squarespace's API has no bulk fulfillment; fulfill the orders one at a time.</source>
        <translation>La API de Squarespace no permite preparar pedidos en bloque; prepárelos de uno en uno.</translation>
    </message>
    <message>
        <source>Squarespace's API has no way to cancel an order; cancel it in the Squarespace dashboard.</source>
        <translation>La API de Squarespace no permite cancelar pedidos; cancélelo en el panel de Squarespace.</translation>
    </message>
    <message>
        <source>Squarespace's API has no way to change an order; edit it in the Squarespace dashboard.</source>
        <translation>La API de Squarespace no permite modificar pedidos; edítelo en el panel de Squarespace.</translation>
    </message>
    <message>
        <source>Imports an order from another sales channel; its products must already exist in the Squarespace store.</source>
        <translation>Importa un pedido de otro canal de venta; sus productos deben existir ya en la tienda de Squarespace.</translation>
    </message>
    <message>
        <source>Read from the order's fulfillments.</source>
        <translation>Se lee de las preparaciones del pedido.</translation>
    </message>
    <message>
        <source>Squarespace's API has no channel sync.</source>
        <translation>La API de Squarespace no tiene sincronización de canales.</translation>
    </message>
    <message>
        <source>Squarespace's API creates no shipping labels.</source>
        <translation>La API de Squarespace no genera etiquetas de envío.</translation>
    </message>
    <message>
        <source>Fulfilling marks the whole order fulfilled: Squarespace has no partial shipments.</source>
        <translation>Preparar marca todo el pedido como preparado: Squarespace no admite envíos parciales.</translation>
    </message>
    <message>
        <source>More shipments can be added to an order that is already fulfilled.</source>
        <translation>Se pueden añadir más envíos a un pedido ya preparado.</translation>
    </message>
    <message>
        <source>Squarespace orders are only pending, fulfilled or canceled.</source>
        <translation>Los pedidos de Squarespace solo están pendientes, preparados o cancelados.</translation>
    </message>
    <message>
        <source>Line items carry no barcode: match scanned items by SKU.</source>
        <translation>Las líneas no traen código de barras: identifique los artículos escaneados por su SKU.</translation>
    </message>
    <message>
        <source>Created orders cannot carry notes or a customer id.</source>
        <translation>Los pedidos creados no pueden llevar notas ni identificador de cliente.</translation>
    </message>
    <message>
        <source>Inventory Cloud's API has no endpoint to {action}, so do it in Inventory Cloud itself.</source>
        <translation>La API de Inventory Cloud no permite {action}; hágalo directamente en Inventory Cloud.</translation>
    </message>
    <message>
        <source>Inventory Cloud has no single-order read, so the app looks the order up in the list; this can be slow on a big account.</source>
        <translation>Inventory Cloud no permite leer un solo pedido, así que la aplicación lo busca en la lista; puede ser lento en una cuenta grande.</translation>
    </message>
    <message>
        <source>Creating an order reserves stock; if a SKU is short the store refuses the whole order and names the SKUs.</source>
        <translation>Crear un pedido reserva existencias; si falta stock de un SKU, la tienda rechaza el pedido entero e indica los SKU.</translation>
    </message>
    <message>
        <source>ship an order or send a tracking number</source>
        <translation>enviar un pedido ni mandar un número de seguimiento</translation>
    </message>
    <message>
        <source>mark an order fulfilled</source>
        <translation>marcar un pedido como preparado</translation>
    </message>
    <message>
        <source>ship orders</source>
        <translation>enviar pedidos</translation>
    </message>
    <message>
        <source>cancel an order</source>
        <translation>cancelar un pedido</translation>
    </message>
    <message>
        <source>list an order's shipments</source>
        <translation>listar los envíos de un pedido</translation>
    </message>
    <message>
        <source>start a channel sync</source>
        <translation>iniciar una sincronización de canales</translation>
    </message>
    <message>
        <source>fetch a shipping label</source>
        <translation>obtener una etiqueta de envío</translation>
    </message>
    <message>
        <source>Inventory Cloud's orders carry no line items, customer or address: pack from the store's own pick list.</source>
        <translation>Los pedidos de Inventory Cloud no traen líneas, cliente ni dirección: prepare el pedido con la lista de recogida de la propia tienda.</translation>
    </message>
    <message>
        <source>Shipping, cancelling and editing orders happen in Inventory Cloud, not in this app.</source>
        <translation>Los pedidos se envían, cancelan y editan en Inventory Cloud, no en esta aplicación.</translation>
    </message>
</context>
<context>
    <name>ConnectorError</name>
    <message>
        <source>The store says this order is already cancelled: nothing more needs doing. Refresh it to see its status.</source>
        <translation>La tienda dice que este pedido ya está cancelado: no hay que hacer nada más. Actualícelo para ver su estado.</translation>
    </message>
    <message>
        <source>The store is still fetching orders from the marketplaces. Wait until it finishes, then start the channel sync again or refresh the orders.</source>
        <translation>La tienda todavía está trayendo pedidos de los marketplaces. Espere a que termine y vuelva a iniciar la sincronización de canales o actualice los pedidos.</translation>
    </message>
    <message>
        <source>The store's API reported a problem.</source>
        <translation>La API de la tienda informó de un problema.</translation>
    </message>
    <message>
        <source>The store refused the API token. Check the token in the connection settings or ask for a new one.</source>
        <translation>La tienda rechazó el token de la API. Revise el token en la configuración de la conexión o pida uno nuevo.</translation>
    </message>
    <message>
        <source>The API token is not allowed to do this. Ask for a token with write access.</source>
        <translation>El token de la API no tiene permiso para hacer esto. Pida un token con permiso de escritura.</translation>
    </message>
    <message>
        <source>The store does not know this order. Refresh the list; it may have been removed.</source>
        <translation>La tienda no conoce este pedido. Actualice la lista; puede que se haya eliminado.</translation>
    </message>
    <message>
        <source>The store refused because the order changed meanwhile. Refresh and check it.</source>
        <translation>La tienda lo rechazó porque el pedido cambió mientras tanto. Actualícelo y revíselo.</translation>
    </message>
    <message>
        <source>The store says this order already has a shipment. Refresh it before shipping again.</source>
        <translation>La tienda dice que este pedido ya tiene un envío. Actualícelo antes de enviarlo otra vez.</translation>
    </message>
    <message>
        <source>The store does not allow this change for the order in its current status. Refresh the order and check its status.</source>
        <translation>La tienda no permite este cambio con el pedido en su estado actual. Actualice el pedido y revise su estado.</translation>
    </message>
    <message>
        <source>The marketplace rejected the shipment. Check the carrier and tracking number, then try again.</source>
        <translation>El marketplace rechazó el envío. Revise el transportista y el número de seguimiento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Some items are out of stock, so the store did not create the order.</source>
        <translation>Algunos artículos no tienen existencias, así que la tienda no creó el pedido.</translation>
    </message>
    <message>
        <source>The store rejected the request as invalid. Check the fields and try again.</source>
        <translation>La tienda rechazó la solicitud por no ser válida. Revise los campos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The store asked us to slow down. The app will retry by itself shortly.</source>
        <translation>La tienda pidió ir más despacio. La aplicación lo reintentará sola en breve.</translation>
    </message>
    <message>
        <source>The store's server had a problem. The app will retry by itself shortly.</source>
        <translation>El servidor de la tienda tuvo un problema. La aplicación lo reintentará sola en breve.</translation>
    </message>
    <message>
        <source>The store's server failed while saving this, so it is not known whether it went through. The app will check the order before trying again.</source>
        <translation>El servidor de la tienda falló al guardarlo, así que no se sabe si se aplicó. La aplicación revisará el pedido antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>Cannot reach the store. Check the network; the app will retry by itself when it is back.</source>
        <translation>No se puede contactar con la tienda. Revise la red; la aplicación lo reintentará sola cuando vuelva.</translation>
    </message>
    <message>
        <source>The store did not answer in time, so it is not known whether this went through. The app will check the order before trying again.</source>
        <translation>La tienda no respondió a tiempo, así que no se sabe si se aplicó. La aplicación revisará el pedido antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>The store sent an answer the app cannot read. Try again; if it keeps happening, copy the diagnostics for support.</source>
        <translation>La tienda envió una respuesta que la aplicación no puede leer. Vuelva a intentarlo; si sigue pasando, copie el diagnóstico para soporte.</translation>
    </message>
    <message>
        <source>This store's API cannot do that.</source>
        <translation>La API de esta tienda no puede hacer eso.</translation>
    </message>
    <message>
        <source>The connection must use HTTPS; plain HTTP is only allowed to this computer (127.0.0.1 or localhost). Change the base URL to https://.</source>
        <translation>La conexión debe usar HTTPS; HTTP sin cifrar solo se permite hacia este equipo (127.0.0.1 o localhost). Cambie la URL base a https://.</translation>
    </message>
</context>
<context>
    <name>Connectors</name>
    <message>
        <source>Generic REST can only mark the whole order shipped, not some of its items. Ship every item, or ship outside the app.</source>
        <translation>Generic REST solo puede marcar como enviado el pedido completo, no algunos de sus artículos. Envíe todos los artículos o haga el envío fuera de la aplicación.</translation>
    </message>
    <message>
        <source>Generic REST's API has no field for order notes; keep the note in this app.</source>
        <translation>La API de Generic REST no tiene campo para notas del pedido; guarde la nota en esta aplicación.</translation>
    </message>
    <message>
        <source>Generic REST cannot set an order to {status}.</source>
        <translation>Generic REST no puede poner un pedido en estado {status}.</translation>
    </message>
    <message>
        <source>Squarespace orders are only pending, fulfilled or canceled; they cannot be listed as {status}.</source>
        <translation>Los pedidos de Squarespace solo están pendientes, preparados o cancelados; no se pueden listar como {status}.</translation>
    </message>
    <message>
        <source>Squarespace fulfills whole orders only; it cannot ship some lines or units on their own. Ship every remaining item, or none.</source>
        <translation>Squarespace solo prepara pedidos completos; no puede enviar algunas líneas o unidades por separado. Envíe todos los artículos pendientes o ninguno.</translation>
    </message>
    <message>
        <source>{url} is not a valid URL.</source>
        <translation>{url} no es una URL válida.</translation>
    </message>
    <message>
        <source>{url} is not a web address; it should start with https://.</source>
        <translation>{url} no es una dirección web; debe empezar por https://.</translation>
    </message>
    <message>
        <source>There is nothing to change.</source>
        <translation>No hay nada que cambiar.</translation>
    </message>
    <message>
        <source>Generic REST needs a customer id to create an order. Enter the customer's id and retry.</source>
        <translation>Generic REST necesita un identificador de cliente para crear un pedido. Escriba el identificador del cliente y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Price2b needs the carrier's service level (for example INTERNATIONAL_ECONOMY) to buy the label.</source>
        <translation>Price2b necesita el nivel de servicio del transportista (por ejemplo INTERNATIONAL_ECONOMY) para comprar la etiqueta.</translation>
    </message>
    <message>
        <source>Price2b records one tracking number per fulfillment: enter exactly one tracking number.</source>
        <translation>Price2b registra un número de seguimiento por preparación: escriba exactamente uno.</translation>
    </message>
    <message>
        <source>Nothing to change: enter notes, an address or a status.</source>
        <translation>No hay nada que cambiar: escriba notas, una dirección o un estado.</translation>
    </message>
    <message>
        <source>Price2b cannot set an order to {status}; use ship, fulfill or cancel.</source>
        <translation>Price2b no puede poner un pedido en estado {status}; use Enviar, Preparar o Cancelar.</translation>
    </message>
    <message>
        <source>The label link points to another server without HTTPS, so the app will not fetch it. Download the label from Price2b instead.</source>
        <translation>El enlace de la etiqueta apunta a otro servidor sin HTTPS, así que la aplicación no la descargará. Descargue la etiqueta desde Price2b.</translation>
    </message>
    <message>
        <source>Enter the weight of each parcel: Price2b needs it to buy the labels.</source>
        <translation>Escriba el peso de cada bulto: Price2b lo necesita para comprar las etiquetas.</translation>
    </message>
    <message>
        <source>Enter the parcel weight: Price2b needs it to buy the label and the order does not say what the items weigh.</source>
        <translation>Escriba el peso del bulto: Price2b lo necesita para comprar la etiqueta y el pedido no indica cuánto pesan los artículos.</translation>
    </message>
    <message>
        <source>NexusCommerce needs a reason to cancel an order. Choose or type a reason and retry.</source>
        <translation>NexusCommerce necesita un motivo para cancelar un pedido. Elija o escriba un motivo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>NexusCommerce's fulfillment methods are FBM, FBA and FBS, not {method}.</source>
        <translation>Los métodos de preparación de NexusCommerce son FBM, FBA y FBS, no {method}.</translation>
    </message>
    <message>
        <source>NexusCommerce needs the carrier to confirm a shipment. Choose the carrier and retry.</source>
        <translation>NexusCommerce necesita el transportista para confirmar un envío. Elija el transportista y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>NexusCommerce needs a tracking number to confirm a shipment. Scan or type it and retry.</source>
        <translation>NexusCommerce necesita un número de seguimiento para confirmar un envío. Escanéelo o escríbalo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>A quantity to ship cannot be negative.</source>
        <translation>La cantidad a enviar no puede ser negativa.</translation>
    </message>
    <message>
        <source>Nothing to ship: every quantity is zero. Enter how many of each item are in the parcel.</source>
        <translation>No hay nada que enviar: todas las cantidades son cero. Escriba cuántas unidades de cada artículo van en el bulto.</translation>
    </message>
    <message>
        <source>Inventory Cloud needs a customer id to create an order. Enter the customer's id and retry.</source>
        <translation>Inventory Cloud necesita un identificador de cliente para crear un pedido. Escriba el identificador del cliente y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmado</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>en proceso</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completado</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Shipped although the order was on hold</source>
        <translation>Enviado aunque el pedido estaba retenido</translation>
    </message>
    <message>
        <source>{store} did not confirm this new order, and its API cannot tell whether it was created. Check the store's order list; retry only if the order is not there.</source>
        <translation>{store} no confirmó este pedido nuevo y su API no permite saber si se creó. Revise la lista de pedidos de la tienda; reintente solo si el pedido no está.</translation>
    </message>
    <message>
        <source>The store refused to ship order {order} in the bulk shipment: {error}. Fix it, then retry or dismiss.</source>
        <translation>La tienda rechazó enviar el pedido {order} dentro del envío masivo: {error}. Corríjalo y luego reintente o descarte.</translation>
    </message>
    <message>
        <source>Order {order} is already shipped with tracking number {theirs}, not {mine}. Check the parcel before shipping it again.</source>
        <translation>El pedido {order} ya está enviado con el número de seguimiento {theirs}, no con {mine}. Revise el bulto antes de enviarlo otra vez.</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(ninguno todavía)</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Error inesperado: {error}</translation>
    </message>
    <message>
        <source>Gave up after {attempts} attempts: {error}</source>
        <translation>Se abandonó tras {attempts} intentos: {error}</translation>
    </message>
    <message>
        <source>Already on the order; not sent again.</source>
        <translation>Ya estaba en el pedido; no se envió otra vez.</translation>
    </message>
    <message>
        <source>The store already had this; counted as done.</source>
        <translation>La tienda ya lo tenía; se cuenta como hecho.</translation>
    </message>
</context>
<context>
    <name>PackSession</name>
    <message>
        <source>Order {order} is on hold, do not pack it: {reason}.</source>
        <translation>El pedido {order} está retenido, no lo embale: {reason}.</translation>
    </message>
    <message>
        <source>Order {order} is {status}: it cannot be packed.</source>
        <translation>El pedido {order} está {status}: no se puede embalar.</translation>
    </message>
    <message>
        <source>Order {order} has nothing left to ship.</source>
        <translation>Al pedido {order} no le queda nada por enviar.</translation>
    </message>
    <message>
        <source>A quantity must be between 1 and {max}.</source>
        <translation>La cantidad debe estar entre 1 y {max}.</translation>
    </message>
    <message>
        <source>The scan could not be read: scan it again.</source>
        <translation>No se pudo leer el escaneo: escanéelo otra vez.</translation>
    </message>
    <message>
        <source>Wrong item: {scan} is not on order {order}. Put it back.</source>
        <translation>Artículo equivocado: {scan} no está en el pedido {order}. Devuélvalo a su sitio.</translation>
    </message>
    <message>
        <source>Wrong item: {item} ({scan}) is not on order {order}. Put it back.</source>
        <translation>Artículo equivocado: {item} ({scan}) no está en el pedido {order}. Devuélvalo a su sitio.</translation>
    </message>
    <message>
        <source>Not recognised: {scan} is no item of order {order}. Scan the barcode on the item itself.</source>
        <translation>No reconocido: {scan} no es un artículo del pedido {order}. Escanee el código de barras del propio artículo.</translation>
    </message>
    <message>
        <source>Too many: {item} is already complete ({needed} of {needed}). Take the extra one out.</source>
        <translation>Demasiados: {item} ya está completo ({needed} de {needed}). Saque la unidad de más.</translation>
    </message>
    <message>
        <source>Too many: only {left} of {item} still needed, not {quantity}.</source>
        <translation>Demasiados: de {item} solo faltan {left}, no {quantity}.</translation>
    </message>
    <message>
        <source>That line is not on this order.</source>
        <translation>Esa línea no está en este pedido.</translation>
    </message>
    <message>
        <source>Too many: only {left} of {item} still needed.</source>
        <translation>Demasiados: de {item} solo faltan {left}.</translation>
    </message>
    <message>
        <source>Scan an item first, then type how many of it there are.</source>
        <translation>Escanee primero un artículo y luego escriba cuántas unidades hay.</translation>
    </message>
    <message>
        <source>Too many: {item} needs only {needed}, {counted} already counted.</source>
        <translation>Demasiados: {item} solo necesita {needed} y ya hay {counted} contados.</translation>
    </message>
    <message>
        <source>Nothing is scanned yet: scan the items first.</source>
        <translation>Todavía no hay nada escaneado: escanee primero los artículos.</translation>
    </message>
    <message>
        <source>Shipping without scanning is switched off in the settings: scan every item.</source>
        <translation>Enviar sin escanear está desactivado en la configuración: escanee todos los artículos.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>{left} left</source>
        <translation>pendientes: {left}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No slip printer is set up. Choose one in Settings → Printers, or save the slip as PDF.</source>
        <translation>No hay ninguna impresora de albaranes configurada. Elija una en Configuración → Impresoras o guarde el albarán como PDF.</translation>
    </message>
    <message>
        <source>No label printer is set up. Choose one in Settings → Printers, or save the label as PDF.</source>
        <translation>No hay ninguna impresora de etiquetas configurada. Elija una en Configuración → Impresoras o guarde la etiqueta como PDF.</translation>
    </message>
    <message>
        <source>The slip printer setting {spec} is not understood; use tcp://host:9100, cups:QUEUE or file:/folder in Settings → Printers.</source>
        <translation>No se entiende el ajuste de la impresora de albaranes {spec}; use tcp://host:9100, cups:COLA o file:/carpeta en Configuración → Impresoras.</translation>
    </message>
    <message>
        <source>The label printer setting {spec} is not understood; use tcp://host:9100, cups:QUEUE or file:/folder in Settings → Printers.</source>
        <translation>No se entiende el ajuste de la impresora de etiquetas {spec}; use tcp://host:9100, cups:COLA o file:/carpeta en Configuración → Impresoras.</translation>
    </message>
    <message>
        <source>The packing slip for order {order} did not print ({error}); it is waiting in the print queue for Retry.</source>
        <translation>El albarán del pedido {order} no se imprimió ({error}); espera en la cola de impresión para Reintentar.</translation>
    </message>
    <message>
        <source>The label for order {order} did not print ({error}); it is waiting in the print queue for Retry.</source>
        <translation>La etiqueta del pedido {order} no se imprimió ({error}); espera en la cola de impresión para Reintentar.</translation>
    </message>
    <message>
        <source>The packing slip for order {order} was already printed; use Reprint to print it again.</source>
        <translation>El albarán del pedido {order} ya se imprimió; use Reimprimir para imprimirlo otra vez.</translation>
    </message>
    <message>
        <source>The label for order {order} was already printed; use Reprint to print it again.</source>
        <translation>La etiqueta del pedido {order} ya se imprimió; use Reimprimir para imprimirla otra vez.</translation>
    </message>
    <message>
        <source>Packing slip {order} sent to {printer}.</source>
        <translation>Albarán {order} enviado a {printer}.</translation>
    </message>
    <message>
        <source>Label {order} sent to {printer}.</source>
        <translation>Etiqueta {order} enviada a {printer}.</translation>
    </message>
</context>
<context>
    <name>Scanning</name>
    <message>
        <source>This looks like a {carrier} number but its check digit is wrong: a character is probably mistyped or misread.</source>
        <translation>Parece un número de {carrier}, pero su dígito de control es incorrecto: seguramente hay un carácter mal escrito o mal leído.</translation>
    </message>
    <message>
        <source>The product barcode's check digit is wrong: rescan it.</source>
        <translation>El dígito de control del código de barras del producto es incorrecto: vuelva a escanearlo.</translation>
    </message>
    <message>
        <source>The carton label's SSCC check digit is wrong: rescan it.</source>
        <translation>El dígito de control del SSCC de la etiqueta de la caja es incorrecto: vuelva a escanearlo.</translation>
    </message>
    <message>
        <source>This is the ship-to postal code barcode ({postal}), not the tracking number: scan the other barcode on the label.</source>
        <translation>Este es el código de barras del código postal de destino ({postal}), no el número de seguimiento: escanee el otro código de barras de la etiqueta.</translation>
    </message>
    <message>
        <source>This GS1 barcode holds no product, carton or tracking number.</source>
        <translation>Este código de barras GS1 no contiene ningún producto, caja ni número de seguimiento.</translation>
    </message>
    <message>
        <source>The scan was empty: scan the barcode again.</source>
        <translation>El escaneo llegó vacío: vuelva a escanear el código de barras.</translation>
    </message>
    <message>
        <source>The scan is {length} characters long, more than any barcode this app reads ({max}): scan a single barcode.</source>
        <translation>El escaneo tiene {length} caracteres, más que cualquier código de barras que lee esta aplicación ({max}): escanee un solo código.</translation>
    </message>
    <message>
        <source>The scan holds an unreadable character ({character}): check the scanner's keyboard-language setting and scan again.</source>
        <translation>El escaneo contiene un carácter ilegible ({character}): revise el idioma de teclado configurado en el escáner y vuelva a escanear.</translation>
    </message>
    <message>
        <source>The GS1 barcode cannot be read ({detail}): scan it again.</source>
        <translation>No se puede leer el código de barras GS1 ({detail}): vuelva a escanearlo.</translation>
    </message>
</context>
<context>
    <name>AppConnection</name>
    <message>
        <source>Training store (NexusCommerce sandbox)</source>
        <translation>Tienda de formación (sandbox de NexusCommerce)</translation>
    </message>
    <message>
        <source>No API token is saved for {name}. Open Settings → Connections and enter it.</source>
        <translation>No hay ningún token de API guardado para {name}. Abra Configuración → Conexiones e introdúzcalo.</translation>
    </message>
    <message>
        <source>The training store could not be started ({error}).</source>
        <translation>No se pudo iniciar la tienda de formación ({error}).</translation>
    </message>
    <message>
        <source>That connection is no longer in the settings.</source>
        <translation>Esa conexión ya no está en la configuración.</translation>
    </message>
    <message>
        <source>{name} uses an API this version does not know ({dialect}).</source>
        <translation>{name} usa una API que esta versión no conoce ({dialect}).</translation>
    </message>
</context>
<context>
    <name>Holds</name>
    <message>
        <source>this order is on hold: {reason}</source>
        <translation>este pedido está retenido: {reason}</translation>
    </message>
    <message>
        <source>this order is on hold and cannot be shipped from the desk: {reason}</source>
        <translation>este pedido está retenido y no se puede enviar desde el puesto: {reason}</translation>
    </message>
    <message>
        <source>this is a test order, paid with a test payment method</source>
        <translation>es un pedido de prueba, pagado con un medio de pago de prueba</translation>
    </message>
    <message>
        <source>the store has not confirmed this order yet</source>
        <translation>la tienda aún no ha confirmado este pedido</translation>
    </message>
    <message>
        <source>the payment was {payment}</source>
        <translation>el pago figura como {payment}</translation>
    </message>
    <message>
        <source>the payment is not captured yet ({payment})</source>
        <translation>el pago aún no está cobrado ({payment})</translation>
    </message>
    <message>
        <source>the marketplace ships this order from its own warehouse ({method})</source>
        <translation>el marketplace envía este pedido desde su propio almacén ({method})</translation>
    </message>
    <message>
        <source>say why the order is on hold</source>
        <translation>indique por qué el pedido está retenido</translation>
    </message>
    <message>
        <source>put on hold at a desk: {reason}</source>
        <translation>retenido en un puesto: {reason}</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Discount {name} (code {code}): {amount}</source>
        <translation>Descuento {name} (código {code}): {amount}</translation>
    </message>
    <message>
        <source>Discount {name}: {amount}</source>
        <translation>Descuento {name}: {amount}</translation>
    </message>
    <message>
        <source>Discount: {amount}</source>
        <translation>Descuento: {amount}</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Discount: {name}</source>
        <translation>Descuento: {name}</translation>
    </message>
    <message>
        <source>Discount: {name} (code {code})</source>
        <translation>Descuento: {name} (código {code})</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
</context>
<context>
    <name>HoldReasonDialog</name>
    <message>
        <source>Pack order {n} anyway?</source>
        <translation>¿Empaquetar el pedido {n} de todos modos?</translation>
    </message>
    <message>
        <source>Why pack it anyway? (recorded with your name and this desk)</source>
        <translation>¿Por qué empaquetarlo de todos modos? (queda registrado con su nombre y este puesto)</translation>
    </message>
    <message>
        <source>Pack anyway</source>
        <translation>Empaquetar de todos modos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>On hold</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Ship anyway…</source>
        <translation>Enviar de todos modos…</translation>
    </message>
    <message>
        <source>Why ship it anyway? (recorded with your name and this desk)</source>
        <translation>¿Por qué enviarlo de todos modos? (queda registrado con su nombre y este puesto)</translation>
    </message>
    <message>
        <source>{sentence} Press &quot;Ship anyway…&quot; and say why, or cancel.</source>
        <translation>{sentence} Pulse «Enviar de todos modos…» e indique por qué, o cancele.</translation>
    </message>
</context>
<context>
    <name>PackModeView</name>
    <message>
        <source>{refusal} Scan another order, or F2 to pack it anyway: you will be asked why (recorded).</source>
        <translation>{refusal} Escanee otro pedido, o F2 para empaquetarlo de todos modos: se le preguntará por qué (queda registrado).</translation>
    </message>
    <message>
        <source>Say why the order is packed although it is on hold; nothing was opened.</source>
        <translation>Indique por qué se empaqueta el pedido aunque esté en espera; no se abrió nada.</translation>
    </message>
    <message>
        <source>Order {order} is on hold; packing it anyway for the reason you gave (recorded when it ships). Scan the items.</source>
        <translation>El pedido {order} está en espera; se empaqueta de todos modos por el motivo indicado (se registra al enviarlo). Escanee los artículos.</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <source>the store lists no items on this order, so the app cannot ship it; ship it in the store's own system</source>
        <translation>la tienda no indica artículos en este pedido, así que la aplicación no puede enviarlo; envíelo en el sistema de la propia tienda</translation>
    </message>
    <message>
        <source>the order is already {status}</source>
        <translation>el pedido ya está {status}</translation>
    </message>
    <message>
        <source>an order that is {status} cannot become {target}</source>
        <translation>un pedido {status} no puede pasar a {target}</translation>
    </message>
    <message>
        <source>the order is cancelled; nothing can be shipped</source>
        <translation>el pedido está cancelado; no se puede enviar nada</translation>
    </message>
    <message>
        <source>an order that is {status} cannot be shipped</source>
        <translation>un pedido {status} no se puede enviar</translation>
    </message>
    <message>
        <source>the order has no line {line}</source>
        <translation>el pedido no tiene la línea {line}</translation>
    </message>
    <message>
        <source>a quantity cannot be negative</source>
        <translation>una cantidad no puede ser negativa</translation>
    </message>
    <message>
        <source>{quantity} to ship but only {remaining} of {item} remain</source>
        <translation>{quantity} para enviar, pero solo quedan {remaining} de {item}</translation>
    </message>
    <message>
        <source>nothing is left to ship on this order</source>
        <translation>a este pedido no le queda nada por enviar</translation>
    </message>
    <message>
        <source>goods of this order have already shipped; it can no longer be cancelled</source>
        <translation>parte de este pedido ya salió; ya no se puede cancelar</translation>
    </message>
</context>
<context>
    <name>ActionSummary</name>
    <message>
        <source>Ship {count} order(s) in one bulk request</source>
        <translation>Enviar {count} pedido(s) en una sola solicitud</translation>
    </message>
    <message>
        <source>Ship: {items} via {via}</source>
        <translation>Enviar: {items} por {via}</translation>
    </message>
    <message>
        <source>Mark fulfilled: {items}</source>
        <translation>Marcar como preparado: {items}</translation>
    </message>
    <message>
        <source>Mark fulfilled: {items}, tracking {numbers}</source>
        <translation>Marcar como preparado: {items}, seguimiento {numbers}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel: {reason}</source>
        <translation>Cancelar: {reason}</translation>
    </message>
    <message>
        <source>Edit {fields}</source>
        <translation>Editar {fields}</translation>
    </message>
    <message>
        <source>Create order {order} with {count} line(s)</source>
        <translation>Crear el pedido {order} con {count} línea(s)</translation>
    </message>
    <message>
        <source>{count} item(s)</source>
        <translation>{count} artículo(s)</translation>
    </message>
    <message>
        <source>all remaining items</source>
        <translation>todos los artículos pendientes</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>Printer {name} at {where} refused the connection; check it is switched on and connected to the network.</source>
        <translation>La impresora {name} en {where} rechazó la conexión; compruebe que está encendida y conectada a la red.</translation>
    </message>
    <message>
        <source>Printer {name} at {where} did not answer within {seconds} seconds; check it is switched on and connected to the network.</source>
        <translation>La impresora {name} en {where} no respondió en {seconds} segundos; compruebe que está encendida y conectada a la red.</translation>
    </message>
    <message>
        <source>The printer address {host} cannot be found; check the printer settings.</source>
        <translation>No se encuentra la dirección de impresora {host}; revise la configuración de la impresora.</translation>
    </message>
    <message>
        <source>Printer {name} at {where} could not be reached ({detail}); check the printer and the network.</source>
        <translation>No se pudo llegar a la impresora {name} en {where} ({detail}); revise la impresora y la red.</translation>
    </message>
    <message>
        <source>The lp command is missing, so CUPS printers cannot be used; install CUPS or choose a network printer.</source>
        <translation>Falta el comando lp, así que no se pueden usar impresoras CUPS; instale CUPS o elija una impresora de red.</translation>
    </message>
    <message>
        <source>CUPS did not take the job for {name} within {seconds} seconds; check that CUPS is running.</source>
        <translation>CUPS no aceptó el trabajo para {name} en {seconds} segundos; compruebe que CUPS está en marcha.</translation>
    </message>
    <message>
        <source>CUPS would not print on {name}: {detail}.</source>
        <translation>CUPS no quiso imprimir en {name}: {detail}.</translation>
    </message>
    <message>
        <source>Could not save the print job in {folder} ({detail}); choose another folder.</source>
        <translation>No se pudo guardar el trabajo de impresión en {folder} ({detail}); elija otra carpeta.</translation>
    </message>
    <message>
        <source>Printer {name} takes {takes} but this document is {kind}; choose another printer for it.</source>
        <translation>La impresora {name} admite {takes}, pero este documento es {kind}; elija otra impresora para él.</translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message>
        <source>The app stopped while this job was printing; check the printer and reprint it if nothing came out.</source>
        <translation>La aplicación se detuvo mientras se imprimía este trabajo; revise la impresora y vuelva a imprimirlo si no salió nada.</translation>
    </message>
</context>
<context>
    <name>BatchPrint</name>
    <message>
        <source>Printing cancelled; no slips were printed.</source>
        <translation>Impresión cancelada; no se imprimió ningún albarán.</translation>
    </message>
    <message>
        <source>The packing slips could not be prepared ({error}).</source>
        <translation>No se pudieron preparar los albaranes ({error}).</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Hold released</source>
        <translation>Retención liberada</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Retenido</translation>
    </message>
    <message>
        <source>Order {number}: {problem}</source>
        <translation>Pedido {number}: {problem}</translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <source>CUPS cannot be asked about {name} ({detail}); check that CUPS is installed and running.</source>
        <translation>No se puede consultar a CUPS sobre {name} ({detail}); compruebe que CUPS está instalado y en marcha.</translation>
    </message>
    <message>
        <source>Printer {name} at {where} cannot be reached ({detail}); check it is switched on and connected.</source>
        <translation>No se puede contactar con la impresora {name} en {where} ({detail}); compruebe que está encendida y conectada.</translation>
    </message>
    <message>
        <source>Printer {name} at {where} gave no status answer; it may not be a Zebra-type printer.</source>
        <translation>La impresora {name} en {where} no respondió con su estado; puede que no sea una impresora de tipo Zebra.</translation>
    </message>
    <message>
        <source>Printer {name} did not say whether it can print.</source>
        <translation>La impresora {name} no dijo si puede imprimir.</translation>
    </message>
    <message>
        <source>Printer {name} is below its working temperature; labels may print faint.</source>
        <translation>La impresora {name} está por debajo de su temperatura de trabajo; las etiquetas pueden salir pálidas.</translation>
    </message>
    <message>
        <source>Printer {name} is busy (its buffer is full); wait for it to finish.</source>
        <translation>La impresora {name} está ocupada (su memoria de recepción está llena); espere a que termine.</translation>
    </message>
    <message>
        <source>Printer {name} is out of labels; load a new roll and close the head.</source>
        <translation>La impresora {name} se ha quedado sin etiquetas; cargue un rollo nuevo y cierre el cabezal.</translation>
    </message>
    <message>
        <source>Printer {name} is out of ribbon; load a new ribbon.</source>
        <translation>La impresora {name} se ha quedado sin cinta; cargue una cinta nueva.</translation>
    </message>
    <message>
        <source>Printer {name} is paused; press its pause button to resume.</source>
        <translation>La impresora {name} está en pausa; pulse su botón de pausa para continuar.</translation>
    </message>
    <message>
        <source>Printer {name} is ready.</source>
        <translation>La impresora {name} está lista.</translation>
    </message>
    <message>
        <source>Printer {name} reports lost settings (corrupt memory); check its configuration.</source>
        <translation>La impresora {name} informa de que perdió su configuración (memoria dañada); revise su configuración.</translation>
    </message>
    <message>
        <source>The CUPS printer {name} is not accepting jobs{reason}.</source>
        <translation>La impresora CUPS {name} no acepta trabajos{reason}.</translation>
    </message>
    <message>
        <source>The CUPS printer {name} is stopped{reason}; start it again in the printer settings.</source>
        <translation>La impresora CUPS {name} está detenida{reason}; vuelva a activarla en la configuración de impresoras.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist or cannot be written.</source>
        <translation>La carpeta {folder} no existe o no se puede escribir en ella.</translation>
    </message>
    <message>
        <source>The print head of printer {name} is open; close it.</source>
        <translation>El cabezal de la impresora {name} está abierto; ciérrelo.</translation>
    </message>
    <message>
        <source>The print head of printer {name} is too hot; let it cool down.</source>
        <translation>El cabezal de la impresora {name} está demasiado caliente; deje que se enfríe.</translation>
    </message>
    <message>
        <source>The printer address {address} is not understood; use tcp://host:9100, cups:QUEUE or file:/folder.</source>
        <translation>No se entiende la dirección de impresora {address}; use tcp://host:9100, cups:COLA o file:/carpeta.</translation>
    </message>
    <message>
        <source>There is no CUPS printer called {name}.</source>
        <translation>No hay ninguna impresora CUPS llamada {name}.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The label for order {order} is waiting in the print queue: {problem} It prints by itself when the printer is ready.</source>
        <translation>La etiqueta del pedido {order} espera en la cola de impresión: {problem} Se imprimirá sola cuando la impresora esté lista.</translation>
    </message>
    <message>
        <source>The packing slip for order {order} is waiting in the print queue: {problem} It prints by itself when the printer is ready.</source>
        <translation>El albarán del pedido {order} espera en la cola de impresión: {problem} Se imprimirá solo cuando la impresora esté lista.</translation>
    </message>
    <message>
        <source>No label printed for order {order}: this store sells no labels, so stick on the carrier's label (address labels can be turned on in Settings → Printers).</source>
        <translation>No se imprimió etiqueta para el pedido {order}: esta tienda no vende etiquetas, así que pegue la etiqueta del transportista (las etiquetas de dirección se activan en Ajustes → Impresoras).</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <source>The scale {name} answered with an error; check its settings.</source>
        <translation>La báscula {name} respondió con un error; revise su configuración.</translation>
    </message>
    <message>
        <source>The scale {name} cannot be opened ({detail}); check it is plugged in and that this user may use it.</source>
        <translation>No se puede abrir la báscula {name} ({detail}); compruebe que está conectada y que este usuario puede usarla.</translation>
    </message>
    <message>
        <source>The scale {name} did not answer within {seconds} seconds; check its cable and that it is switched on.</source>
        <translation>La báscula {name} no respondió en {seconds} segundos; revise el cable y que esté encendida.</translation>
    </message>
    <message>
        <source>The scale {name} did not settle (still in motion); keep the box still on the scale.</source>
        <translation>La báscula {name} no se estabilizó (sigue en movimiento); mantenga la caja quieta sobre la báscula.</translation>
    </message>
    <message>
        <source>The scale {name} is over its capacity; the box is too heavy for it.</source>
        <translation>La báscula {name} ha superado su capacidad; la caja pesa demasiado para ella.</translation>
    </message>
    <message>
        <source>The scale {name} needs calibrating before it can weigh.</source>
        <translation>La báscula {name} necesita calibrarse antes de poder pesar.</translation>
    </message>
    <message>
        <source>The scale {name} needs zeroing; take everything off and zero it.</source>
        <translation>La báscula {name} necesita ponerse a cero; retire todo y póngala a cero.</translation>
    </message>
    <message>
        <source>The scale {name} reads below zero; take everything off and zero it.</source>
        <translation>La báscula {name} marca por debajo de cero; retire todo y póngala a cero.</translation>
    </message>
    <message>
        <source>The scale {name} reports a fault; switch it off and on again.</source>
        <translation>La báscula {name} informa de una avería; apáguela y vuelva a encenderla.</translation>
    </message>
    <message>
        <source>The scale {name} was disconnected ({detail}); plug it in again.</source>
        <translation>La báscula {name} se desconectó ({detail}); vuelva a conectarla.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>19200</source>
        <translation>19200</translation>
    </message>
    <message>
        <source>2400</source>
        <translation>2400</translation>
    </message>
    <message>
        <source>38400</source>
        <translation>38400</translation>
    </message>
    <message>
        <source>4800</source>
        <translation>4800</translation>
    </message>
    <message>
        <source>9600</source>
        <translation>9600</translation>
    </message>
    <message>
        <source>A box may differ from its expected weight by this many grams.</source>
        <translation>Una caja puede diferir de su peso esperado en estos gramos.</translation>
    </message>
    <message>
        <source>Avery Weigh-Tronix (NCI)</source>
        <translation>Avery Weigh-Tronix (NCI)</translation>
    </message>
    <message>
        <source>Baud rate of the serial scale (8 data bits, no parity, 1 stop bit).</source>
        <translation>Velocidad en baudios de la báscula serie (8 bits de datos, sin paridad, 1 bit de parada).</translation>
    </message>
    <message>
        <source>Box types</source>
        <translation>Tipos de caja</translation>
    </message>
    <message>
        <source>CAS (continuous)</source>
        <translation>CAS (continuo)</translation>
    </message>
    <message>
        <source>In pack mode, weigh each box and compare it with the expected weight, even when the store does not ask for a weight.</source>
        <translation>En el modo de empaquetado, pesar cada caja y compararla con el peso esperado, aunque la tienda no pida el peso.</translation>
    </message>
    <message>
        <source>Mettler Toledo (MT-SICS)</source>
        <translation>Mettler Toledo (MT-SICS)</translation>
    </message>
    <message>
        <source>None (type weights by hand)</source>
        <translation>Ninguna (pesos escritos a mano)</translation>
    </message>
    <message>
        <source>Printers by a name you choose, each with its address: tcp://host:9100 (a Zebra-type printer is asked for its status first), cups:QUEUE or file:/folder. The slip and label printer settings may name one of them.</source>
        <translation>Impresoras con un nombre que usted elige, cada una con su dirección: tcp://host:9100 (a una impresora de tipo Zebra se le pregunta primero su estado), cups:COLA o file:/carpeta. Las impresoras de albaranes y de etiquetas pueden indicar uno de estos nombres.</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Báscula</translation>
    </message>
    <message>
        <source>Scale device</source>
        <translation>Dispositivo de la báscula</translation>
    </message>
    <message>
        <source>Serial protocol</source>
        <translation>Protocolo serie</translation>
    </message>
    <message>
        <source>Serial scale</source>
        <translation>Báscula serie</translation>
    </message>
    <message>
        <source>Serial speed</source>
        <translation>Velocidad serie</translation>
    </message>
    <message>
        <source>The USB scale's device path or the serial port (e.g. /dev/ttyUSB0 or COM3); Detect lists what is plugged in.</source>
        <translation>La ruta del dispositivo de la báscula USB o el puerto serie (p. ej. /dev/ttyUSB0 o COM3); Detectar muestra lo que está conectado.</translation>
    </message>
    <message>
        <source>The boxes this desk packs into: inner dimensions in cm and the empty box's weight (tare) in grams; the barcode is what the packer scans to start a box of that type.</source>
        <translation>Las cajas que usa este puesto: medidas interiores en cm y el peso de la caja vacía (tara) en gramos; el código de barras es lo que escanea el empaquetador para empezar una caja de ese tipo.</translation>
    </message>
    <message>
        <source>USB scale (HID)</source>
        <translation>Báscula USB (HID)</translation>
    </message>
    <message>
        <source>Weigh every box</source>
        <translation>Pesar cada caja</translation>
    </message>
    <message>
        <source>Weight tolerance (%)</source>
        <translation>Tolerancia de peso (%)</translation>
    </message>
    <message>
        <source>Weight tolerance (g)</source>
        <translation>Tolerancia de peso (g)</translation>
    </message>
    <message>
        <source>What the serial scale speaks.</source>
        <translation>El protocolo que habla la báscula serie.</translation>
    </message>
    <message>
        <source>Where weights come from: typed by hand, a USB scale, or a serial scale.</source>
        <translation>De dónde vienen los pesos: escritos a mano, una báscula USB o una báscula serie.</translation>
    </message>
    <message>
        <source>…or by this percentage of the expected weight, whichever is larger.</source>
        <translation>…o en este porcentaje del peso esperado, lo que sea mayor.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Length (cm)</source>
        <translation>Largo (cm)</translation>
    </message>
    <message>
        <source>Width (cm)</source>
        <translation>Ancho (cm)</translation>
    </message>
    <message>
        <source>Height (cm)</source>
        <translation>Alto (cm)</translation>
    </message>
    <message>
        <source>Tare (g)</source>
        <translation>Tara (g)</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Código de barras</translation>
    </message>
    <message>
        <source>Carrier for labels bought from the store when the order names none (e.g. fedex).</source>
        <translation>Transportista de las etiquetas compradas a la tienda cuando el pedido no indica ninguno (p. ej. fedex).</translation>
    </message>
    <message>
        <source>For stores that sell no labels: print an address label marked NO POSTAGE next to the carrier's label. It is never a shipping label.</source>
        <translation>Para tiendas que no venden etiquetas: imprime una etiqueta de dirección marcada NO POSTAGE (sin franqueo) junto a la del transportista. Nunca es una etiqueta de envío.</translation>
    </message>
    <message>
        <source>Label carrier</source>
        <translation>Transportista de etiquetas</translation>
    </message>
    <message>
        <source>Label service</source>
        <translation>Servicio de etiquetas</translation>
    </message>
    <message>
        <source>Print address labels</source>
        <translation>Imprimir etiquetas de dirección</translation>
    </message>
    <message>
        <source>Service level for labels bought from the store when the order names none (e.g. INTERNATIONAL_ECONOMY).</source>
        <translation>Nivel de servicio de las etiquetas compradas a la tienda cuando el pedido no indica ninguno (p. ej. INTERNATIONAL_ECONOMY).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>, not accepting jobs</source>
        <translation>, no acepta trabajos</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Ask each printer whether it can print now, and list the CUPS printers.</source>
        <translation>Preguntar a cada impresora si puede imprimir ahora y listar las impresoras CUPS.</translation>
    </message>
    <message>
        <source>Asking the printers…</source>
        <translation>Consultando las impresoras…</translation>
    </message>
    <message>
        <source>Asking the scale…</source>
        <translation>Consultando la báscula…</translation>
    </message>
    <message>
        <source>CUPS printers:</source>
        <translation>Impresoras CUPS:</translation>
    </message>
    <message>
        <source>Check printers</source>
        <translation>Comprobar impresoras</translation>
    </message>
    <message>
        <source>Choose the scale in the list above.</source>
        <translation>Elija la báscula en la lista de arriba.</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detectar</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Detectadas</translation>
    </message>
    <message>
        <source>No USB scale or serial port was found.</source>
        <translation>No se encontró ninguna báscula USB ni puerto serie.</translation>
    </message>
    <message>
        <source>No printer is set up yet.</source>
        <translation>Todavía no hay ninguna impresora configurada.</translation>
    </message>
    <message>
        <source>Serial port {device} ({description})</source>
        <translation>Puerto serie {device} ({description})</translation>
    </message>
    <message>
        <source>Test scale</source>
        <translation>Probar báscula</translation>
    </message>
    <message>
        <source>The scale reads {weight} {unit} (stable).</source>
        <translation>La báscula marca {weight} {unit} (estable).</translation>
    </message>
    <message>
        <source>The scale was asked to zero; leave it empty for a moment.</source>
        <translation>Se pidió a la báscula que se ponga a cero; déjela vacía un momento.</translation>
    </message>
    <message>
        <source>This scale is zeroed with the key on the scale itself.</source>
        <translation>Esta báscula se pone a cero con la tecla de la propia báscula.</translation>
    </message>
    <message>
        <source>USB scale: {label}</source>
        <translation>Báscula USB: {label}</translation>
    </message>
    <message>
        <source>Weights are typed by hand; choose a USB or serial scale first.</source>
        <translation>Los pesos se escriben a mano; elija primero una báscula USB o serie.</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>Poner a cero</translation>
    </message>
    <message>
        <source>can print</source>
        <translation>puede imprimir</translation>
    </message>
    <message>
        <source>cannot print</source>
        <translation>no puede imprimir</translation>
    </message>
    <message>
        <source>did not say whether it can print</source>
        <translation>no dijo si puede imprimir</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>inactiva</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>imprimiendo</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Weighed on the scale</source>
        <translation>Pesado en la báscula</translation>
    </message>
    <message>
        <source>Add another parcel</source>
        <translation>Añadir otro bulto</translation>
    </message>
    <message>
        <source>Enter the carrier's service level: {store} needs it to sell the label.</source>
        <translation>Indique el nivel de servicio del transportista: {store} lo necesita para vender la etiqueta.</translation>
    </message>
    <message>
        <source>Enter the weight of each parcel.</source>
        <translation>Indique el peso de cada bulto.</translation>
    </message>
    <message>
        <source>Parcel {n}</source>
        <translation>Bulto {n}</translation>
    </message>
    <message>
        <source>The customer chose: {service}</source>
        <translation>El cliente eligió: {service}</translation>
    </message>
    <message>
        <source>The parcels hold {packed} of {sku} but {count} ship: move the units so the boxes hold what ships.</source>
        <translation>Los bultos contienen {packed} de {sku} pero se envían {count}: mueva las unidades para que las cajas contengan lo que se envía.</translation>
    </message>
    <message>
        <source>Units of {sku}</source>
        <translation>Unidades de {sku}</translation>
    </message>
</context>
<context>
    <name>Weighing</name>
    <message>
        <source>Heavier by {difference} than expected ({measured} on the scale, {expected} expected): an extra item?</source>
        <translation>{difference} más pesado de lo esperado ({measured} en la báscula, {expected} esperado): ¿un artículo de más?</translation>
    </message>
    <message>
        <source>Lighter by {difference} than expected ({measured} on the scale, {expected} expected): a missing item?</source>
        <translation>{difference} más ligero de lo esperado ({measured} en la báscula, {expected} esperado): ¿falta un artículo?</translation>
    </message>
    <message>
        <source>No USB scale is plugged in; plug it in, or choose another scale in Settings → Scale.</source>
        <translation>No hay ninguna báscula USB conectada; conéctela o elija otra báscula en Configuración → Báscula.</translation>
    </message>
    <message>
        <source>No serial port is chosen for the scale; choose one in Settings → Scale.</source>
        <translation>No se ha elegido ningún puerto serie para la báscula; elija uno en Configuración → Báscula.</translation>
    </message>
    <message>
        <source>Weight {measured} matches the expected {expected}.</source>
        <translation>El peso {measured} coincide con el esperado, {expected}.</translation>
    </message>
    <message>
        <source>Weight {measured} taken; it cannot be checked because {item} has no weight in the store.</source>
        <translation>Peso {measured} tomado; no se puede comprobar porque {item} no tiene peso en la tienda.</translation>
    </message>
</context>
<context>
    <name>StoreFiles</name>
    <message>
        <source>The disk holding {folder} is full, so this was not saved. Free some space and try again; everything queued before is kept.</source>
        <translation>El disco que contiene {folder} está lleno, así que esto no se guardó. Libere espacio y vuelva a intentarlo; todo lo que ya estaba en cola se conserva.</translation>
    </message>
    <message>
        <source>The order cache was damaged ({problem}), so it was kept as {kept} and is filled again from the store at the next sync.</source>
        <translation>La caché de pedidos estaba dañada ({problem}), así que se guardó como {kept} y se vuelve a llenar desde la tienda en la próxima sincronización.</translation>
    </message>
    <message>
        <source>The print queue was damaged ({problem}); it was kept as {kept}. Print again any slip or label that did not come out.</source>
        <translation>La cola de impresión estaba dañada ({problem}); se guardó como {kept}. Vuelva a imprimir los albaranes o etiquetas que no hayan salido.</translation>
    </message>
    <message>
        <source>The saved scan progress was damaged ({problem}); it was kept as {kept}. Scan again the items of any order you were packing.</source>
        <translation>El progreso de escaneo guardado estaba dañado ({problem}); se guardó como {kept}. Vuelva a escanear los artículos de los pedidos que estaba empaquetando.</translation>
    </message>
</context>
<context>
    <name>OutboxRecovery</name>
    <message>
        <source>The outbox file was damaged ({problem}), so it was kept as {kept} and {recovered} waiting actions were recovered from it; {lost} could not be read, so check these orders on the store: {orders}.</source>
        <translation>El archivo de la cola de envíos estaba dañado ({problem}), así que se guardó como {kept} y se recuperaron {recovered} acciones pendientes; {lost} no se pudieron leer, así que revise estos pedidos en la tienda: {orders}.</translation>
    </message>
    <message>
        <source>The outbox file was damaged ({problem}), so it was kept as {kept} and all {recovered} waiting actions were recovered from it.</source>
        <translation>El archivo de la cola de envíos estaba dañado ({problem}), así que se guardó como {kept} y se recuperaron las {recovered} acciones pendientes.</translation>
    </message>
    <message>
        <source>The outbox file was found empty although it held the queue before; it was kept as {kept}. Check on the store the orders shipped at this desk since {since}.</source>
        <translation>El archivo de la cola de envíos apareció vacío aunque antes contenía la cola; se guardó como {kept}. Revise en la tienda los pedidos enviados desde este puesto desde {since}.</translation>
    </message>
    <message>
        <source>The outbox file is missing although it held the queue before, so a new one was started. Check on the store the orders shipped at this desk since {since}.</source>
        <translation>Falta el archivo de la cola de envíos aunque antes contenía la cola, así que se empezó uno nuevo. Revise en la tienda los pedidos enviados desde este puesto desde {since}.</translation>
    </message>
    <message>
        <source>The outbox file {path} is damaged ({problem}) and cannot be set aside ({error}); nothing was changed. Copy it for support before changing anything.</source>
        <translation>El archivo de la cola de envíos {path} está dañado ({problem}) y no se puede apartar ({error}); no se cambió nada. Cópielo para soporte antes de cambiar nada.</translation>
    </message>
    <message>
        <source>The outbox file {path} cannot be written (it is read-only). Nothing was changed; make it writable and start again.</source>
        <translation>No se puede escribir en el archivo de la cola de envíos {path} (es de solo lectura). No se cambió nada; permita escribir en él y vuelva a empezar.</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>Fulfillment Station is already running on this computer with the data folder {folder} (process {pid}). Use that window, or close it first.</source>
        <translation>Fulfillment Station ya se está ejecutando en este equipo con la carpeta de datos {folder} (proceso {pid}). Use esa ventana o ciérrela primero.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be used ({error}); check that it exists and that this account may write to it.</source>
        <translation>No se puede usar la carpeta de datos {folder} ({error}); compruebe que existe y que esta cuenta puede escribir en ella.</translation>
    </message>
</context>
<context>
    <name>BulkShipCsv</name>
    <message>
        <source>Row {n}: {problem}</source>
        <translation>Fila {n}: {problem}</translation>
    </message>
    <message>
        <source>expected order number, carrier, tracking number.</source>
        <translation>se esperaba número de pedido, transportista y número de seguimiento.</translation>
    </message>
    <message>
        <source>order {number} is not one of the selected orders.</source>
        <translation>el pedido {number} no es uno de los pedidos seleccionados.</translation>
    </message>
    <message>
        <source>order {number} has no line {line}.</source>
        <translation>el pedido {number} no tiene la línea {line}.</translation>
    </message>
    <message>
        <source>{part} is not a quantity between 1 and {n}.</source>
        <translation>{part} no es una cantidad entre 1 y {n}.</translation>
    </message>
    <message>
        <source>the {column} holds a control character; type it again.</source>
        <translation>el campo «{column}» contiene un carácter de control; escríbalo de nuevo.</translation>
    </message>
    <message>
        <source>the {column} starts with {sign}, which a spreadsheet would run as a formula.</source>
        <translation>el campo «{column}» empieza por {sign}, que una hoja de cálculo ejecutaría como fórmula.</translation>
    </message>
    <message>
        <source>the {column} is longer than {n} characters.</source>
        <translation>el campo «{column}» tiene más de {n} caracteres.</translation>
    </message>
    <message>
        <source>the row is longer than {n} characters.</source>
        <translation>la fila tiene más de {n} caracteres.</translation>
    </message>
    <message>
        <source>the row cannot be read as CSV.</source>
        <translation>la fila no se puede leer como CSV.</translation>
    </message>
    <message>
        <source>The file is too large to be a list of tracking numbers.</source>
        <translation>El archivo es demasiado grande para ser una lista de números de seguimiento.</translation>
    </message>
    <message>
        <source>Only the first {n} rows were read.</source>
        <translation>Solo se leyeron las primeras {n} filas.</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>transportista</translation>
    </message>
    <message>
        <source>tracking number</source>
        <translation>número de seguimiento</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>número de pedido</translation>
    </message>
    <message>
        <source>line list</source>
        <translation>lista de líneas</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>The settings file cannot be read ({error}); the defaults are used.</source>
        <translation>No se puede leer el archivo de configuración ({error}); se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source>The settings file could not be read ({error}); it was copied to {backup} and the defaults are used.</source>
        <translation>No se pudo leer el archivo de configuración ({error}); se copió a {backup} y se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source>The settings entry {key} is nested too deeply and was ignored; the other settings and connections were read.</source>
        <translation>La entrada de configuración {key} está anidada a demasiada profundidad y se ignoró; el resto de la configuración y las conexiones se leyeron.</translation>
    </message>
</context>
<context>
    <name>Boxes</name>
    <message>
        <source>There is no box to ship.</source>
        <translation>No hay ninguna caja que enviar.</translation>
    </message>
    <message>
        <source>Box {number} is empty; take it away or pack an item into it.</source>
        <translation>La caja {number} está vacía; retírela o meta un artículo en ella.</translation>
    </message>
    <message>
        <source>Box {number} has no tracking number; scan its label.</source>
        <translation>La caja {number} no tiene número de seguimiento; escanee su etiqueta.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Order {order} has no label bought from the store yet; ship it to buy one.</source>
        <translation>El pedido {order} aún no tiene una etiqueta comprada a la tienda; envíelo para comprarla.</translation>
    </message>
</context>
<context>
    <name>CreateOrderDialog</name>
    <message>
        <source>Customer id</source>
        <translation>Id. de cliente</translation>
    </message>
    <message>
        <source>required by {store}</source>
        <translation>obligatorio para {store}</translation>
    </message>
    <message>
        <source>Creating the order…</source>
        <translation>Creando el pedido…</translation>
    </message>
    <message>
        <source>Enter the customer id: {store} needs it to create the order.</source>
        <translation>Indique el id. de cliente: {store} lo necesita para crear el pedido.</translation>
    </message>
    <message>
        <source>Line {n} needs its unit price: {store} records the order at the prices sent.</source>
        <translation>La línea {n} necesita su precio unitario: {store} registra el pedido a los precios enviados.</translation>
    </message>
    <message>
        <source>The order was not created: {error}</source>
        <translation>El pedido no se creó: {error}</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Sales channel</source>
        <translation>Canal de venta</translation>
    </message>
    <message>
        <source>optional, e.g. the order number elsewhere</source>
        <translation>opcional, p. ej. el número de pedido en otro sistema</translation>
    </message>
    <message>
        <source>optional, e.g. Replacement</source>
        <translation>opcional, p. ej. Reposición</translation>
    </message>
</context>
<context>
    <name>NewLinesModel</name>
    <message>
        <source>Unit price</source>
        <translation>Precio unitario</translation>
    </message>
</context>
<context>
    <name>ChannelSyncDialog</name>
    <message>
        <source>Channel sync</source>
        <translation>Sincronización de canales</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizados</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizados</translation>
    </message>
    <message>
        <source>Start channel sync</source>
        <translation>Iniciar sincronización</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>Por canal</translation>
    </message>
    <message>
        <source>The store did not answer: {error}</source>
        <translation>La tienda no respondió: {error}</translation>
    </message>
    <message>
        <source>No channel sync has run yet.</source>
        <translation>Aún no se ha sincronizado ningún canal.</translation>
    </message>
    <message>
        <source>Last channel sync completed.</source>
        <translation>La última sincronización de canales terminó.</translation>
    </message>
    <message>
        <source>Channel sync {status}.</source>
        <translation>Sincronización de canales: {status}.</translation>
    </message>
    <message>
        <source>Channel sync running…</source>
        <translation>Sincronización de canales en curso…</translation>
    </message>
    <message>
        <source>Started {started} · finished {finished}</source>
        <translation>Iniciada {started} · terminada {finished}</translation>
    </message>
    <message>
        <source>Next scheduled sync: {when}</source>
        <translation>Próxima sincronización programada: {when}</translation>
    </message>
</context>
<context>
    <name>NewOrders</name>
    <message>
        <source>The store has not answered yet; the new order waits in the outbox and is sent once the store can be reached.</source>
        <translation>La tienda aún no ha respondido; el pedido nuevo espera en la bandeja de salida y se envía cuando se pueda contactar con la tienda.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
</context>
<context>
    <name>LiveSettings</name>
    <message>
        <source>The station name is used in the audit log from the next start (the outbox of the open connection keeps the name it opened with).</source>
        <translation>El nombre del puesto se usa en el registro de auditoría a partir del próximo inicio (la bandeja de salida de la conexión abierta conserva el nombre con el que se abrió).</translation>
    </message>
    <message>
        <source>The language changes at the next start (every window is rebuilt).</source>
        <translation>El idioma cambia en el próximo inicio (se reconstruyen todas las ventanas).</translation>
    </message>
</context>
<context>
    <name>PackModeView</name>
    <message>
        <source>Put the box on the scale: the weight is taken when it is steady.</source>
        <translation>Ponga la caja en la báscula: el peso se toma cuando esté estable.</translation>
    </message>
    <message>
        <source>{message} Check the box and put it on the scale again, or F2 to ship it anyway (this is recorded).</source>
        <translation>{message} Revise la caja y vuelva a ponerla en la báscula, o F2 para enviarla de todos modos (queda registrado).</translation>
    </message>
    <message>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <source>The box has not been weighed yet: put it on the scale (F10 goes back to packing).</source>
        <translation>La caja aún no se ha pesado: póngala en la báscula (F10 vuelve al empaquetado).</translation>
    </message>
    <message>
        <source>Shipped despite the weight; your decision is recorded.</source>
        <translation>Enviado pese al peso; su decisión queda registrada.</translation>
    </message>
    <message>
        <source>Put box {number} of {count} on the scale: the weight is taken when it is steady.</source>
        <translation>Ponga la caja {number} de {count} en la báscula: el peso se toma cuando esté estable.</translation>
    </message>
    <message>
        <source>Box {number}: {message} Now put box {next} on the scale.</source>
        <translation>Caja {number}: {message} Ahora ponga la caja {next} en la báscula.</translation>
    </message>
    <message>
        <source>Box {number} started: scan the items for it.</source>
        <translation>Caja {number} iniciada: escanee sus artículos.</translation>
    </message>
    <message>
        <source>Box {number} ({box}) started: scan the items for it.</source>
        <translation>Caja {number} ({box}) iniciada: escanee sus artículos.</translation>
    </message>
    <message>
        <source>Scan the label of box {number} of {count} (F2: ship the boxes as one shipment without a tracking number).</source>
        <translation>Escanee la etiqueta de la caja {number} de {count} (F2: enviar las cajas como un solo envío sin número de seguimiento).</translation>
    </message>
    <message>
        <source>That is the label of box {other}: scan the label of box {number} of {count}.</source>
        <translation>Esa es la etiqueta de la caja {other}: escanee la etiqueta de la caja {number} de {count}.</translation>
    </message>
    <message>
        <source>{message} Scan the label of box {number} of {count}.</source>
        <translation>{message} Escanee la etiqueta de la caja {number} de {count}.</translation>
    </message>
    <message>
        <source>Box {number} has its label. Scan the label of box {next} of {count}.</source>
        <translation>La caja {number} tiene su etiqueta. Escanee la etiqueta de la caja {next} de {count}.</translation>
    </message>
    <message>
        <source>Box {number} started: scan the items for it. This store takes one shipment per order: the boxes go as one shipment, listed on the packing slip.</source>
        <translation>Caja {number} iniciada: escanee sus artículos. Esta tienda acepta un solo envío por pedido: las cajas van como un solo envío, listadas en el albarán.</translation>
    </message>
    <message>
        <source>Box {number} ({box}) started: scan the items for it. This store takes one shipment per order: the boxes go as one shipment, listed on the packing slip.</source>
        <translation>Caja {number} ({box}) iniciada: escanee sus artículos. Esta tienda acepta un solo envío por pedido: las cajas van como un solo envío, listadas en el albarán.</translation>
    </message>
    <message>
        <source> · box {number}{kind}</source>
        <translation> · caja {number}{kind}</translation>
    </message>
    <message>
        <source>Box {number}: {units} units</source>
        <translation>Caja {number}: {units} unidades</translation>
    </message>
    <message>
        <source>Scale: {weight} (steady)</source>
        <translation>Báscula: {weight} (estable)</translation>
    </message>
    <message>
        <source>Scale: {weight} (moving)</source>
        <translation>Báscula: {weight} (en movimiento)</translation>
    </message>
    <message>
        <source>Scale: {problem}</source>
        <translation>Báscula: {problem}</translation>
    </message>
</context>
<context>
    <name>LiveSettings</name>
    <message>
        <source>The open window keeps its language until it is opened again or the app restarts (it could not be rebuilt now).</source>
        <translation>La ventana abierta conserva su idioma hasta que se vuelva a abrir o se reinicie la aplicación (no se pudo reconstruir ahora).</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Same as the app</source>
        <translation>Igual que la aplicación</translation>
    </message>
    <message>
        <source>Language of this store's packing slips and of the labels the app prints; by default the language of the app.</source>
        <translation>Idioma de los albaranes de esta tienda y de las etiquetas que imprime la aplicación; por defecto, el idioma de la aplicación.</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>Idioma de los documentos</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Empty: PDF files in the training folder (below)</source>
        <translation>Vacío: archivos PDF en la carpeta de formación (abajo)</translation>
    </message>
    <message>
        <source>Choose a printer, or type tcp://host:9100, cups:QUEUE or file:/folder</source>
        <translation>Elija una impresora, o escriba tcp://host:9100, cups:COLA o file:/carpeta</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>Imprimir una página de prueba</translation>
    </message>
    <message>
        <source>Print a sample packing slip on the slip printer chosen above.</source>
        <translation>Imprime un albarán de ejemplo en la impresora de albaranes elegida arriba.</translation>
    </message>
    <message>
        <source>Print a test label</source>
        <translation>Imprimir una etiqueta de prueba</translation>
    </message>
    <message>
        <source>Print a sample 4×6 label on the label printer chosen above.</source>
        <translation>Imprime una etiqueta de ejemplo de 4×6 en la impresora de etiquetas elegida arriba.</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>Imprimiendo una página de prueba…</translation>
    </message>
    <message>
        <source>The test page was not printed: {reason}</source>
        <translation>La página de prueba no se imprimió: {reason}</translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <source>The test page went to {printer}; check that it came out whole.</source>
        <translation>La página de prueba se envió a {printer}; compruebe que ha salido completa.</translation>
    </message>
    <message>
        <source>The test page was not printed: {reason}</source>
        <translation>La página de prueba no se imprimió: {reason}</translation>
    </message>
</context>
<context>
    <name>TrainingPrinter</name>
    <message>
        <source>Training: what you print is saved as PDF files in {folder}</source>
        <translation>Formación: lo que imprima se guarda como archivos PDF en {folder}</translation>
    </message>
    <message>
        <source>Training printer: {folder}</source>
        <translation>Impresora de formación: {folder}</translation>
    </message>
</context>
</TS>
