<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
<context>
    <name>LineItemsModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
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
        <translation>Atendido</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restante</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>(no address)</source>
        <translation>(sem endereço)</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>Enviar para</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the ship-to address to the clipboard</source>
        <translation>Copiar o endereço de entrega para a área de transferência</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Itens</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Remessas</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <source>No order selected</source>
        <translation>Nenhum pedido selecionado</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Pedido {number}</translation>
    </message>
    <message>
        <source>UNKNOWN STATUS ({status})</source>
        <translation>STATUS DESCONHECIDO ({status})</translation>
    </message>
    <message>
        <source>Customer: {contact}</source>
        <translation>Cliente: {contact}</translation>
    </message>
    <message>
        <source>This store's API gives no line items for its orders.</source>
        <translation>A API desta loja não fornece os itens dos pedidos.</translation>
    </message>
    <message>
        <source>Subtotal {subtotal}  ·  Shipping {shipping}  ·  Tax {tax}  ·  Total {total}</source>
        <translation>Subtotal {subtotal}  ·  Frete {shipping}  ·  Impostos {tax}  ·  Total {total}</translation>
    </message>
    <message>
        <source>(no tracking)</source>
        <translation>(sem rastreio)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n itens</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the tracking page (Enter or double-click)</source>
        <translation>Abrir a página de rastreio (Enter ou clique duplo)</translation>
    </message>
    <message>
        <source>No shipments yet</source>
        <translation>Nenhuma remessa ainda</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Observações: {notes}</translation>
    </message>
    <message>
        <source>Gift message: {message}</source>
        <translation>Mensagem de presente: {message}</translation>
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
        <translation>Dispensar</translation>
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
        <translation>Fulfillment Station — {connection} — TREINAMENTO</translation>
    </message>
    <message>
        <source>TRAINING MODE — practice orders on a local sandbox. Nothing here reaches a real store or a real customer.</source>
        <translation>MODO TREINAMENTO — pedidos de prática em um ambiente de testes local. Nada aqui chega a uma loja ou a um cliente de verdade.</translation>
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
        <translation>Buscar na loja os pedidos novos e alterados (F5)</translation>
    </message>
    <message>
        <source>Search order number, customer, e-mail, SKU, barcode, tracking…  (Ctrl+F)</source>
        <translation>Pesquisar número do pedido, cliente, e-mail, SKU, código de barras, rastreio…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Localizar</translation>
    </message>
    <message>
        <source>● connecting…</source>
        <translation>● conectando…</translation>
    </message>
    <message>
        <source>Whether the last contact with the store worked</source>
        <translation>Se o último contato com a loja funcionou</translation>
    </message>
    <message>
        <source>Syncing %v / %m</source>
        <translation>Sincronizando %v / %m</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Cancelar sincronização</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Synced {seen} orders: {new} new, {changed} changed</source>
        <translation>{seen} pedidos sincronizados: {new} novos, {changed} alterados</translation>
    </message>
    <message>
        <source>Synced {seen} orders: {new} new, {changed} changed, {removed} gone</source>
        <translation>{seen} pedidos sincronizados: {new} novos, {changed} alterados, {removed} removidos</translation>
    </message>
    <message>
        <source>Sync cancelled; the orders synced so far are kept.</source>
        <translation>Sincronização cancelada; os pedidos sincronizados até agora foram mantidos.</translation>
    </message>
    <message>
        <source>Sync failed; the orders shown are from the last successful sync.</source>
        <translation>A sincronização falhou; os pedidos exibidos são da última sincronização bem-sucedida.</translation>
    </message>
    <message>
        <source>● online</source>
        <translation>● on-line</translation>
    </message>
    <message>
        <source>● OFFLINE</source>
        <translation>● OFF-LINE</translation>
    </message>
    <message>
        <source>{visible} of {total} orders shown</source>
        <translation>{visible} de {total} pedidos exibidos</translation>
    </message>
    <message>
        <source>Something went wrong: {error}. The details are in the log.</source>
        <translation>Algo deu errado: {error}. Os detalhes estão no log.</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atalho</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>This window has no keyboard shortcuts.</source>
        <translation>Esta janela não tem atalhos de teclado.</translation>
    </message>
</context>
</TS>
