<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
<context>
    <name>PackCommands</name>
    <message>
        <source>Next box</source>
        <translation>Próxima caixa</translation>
    </message>
    <message>
        <source>Closes the box being packed and starts another of the same type; the next items go into it (a box barcode starts a box of that type).</source>
        <translation>Fecha a caixa que está sendo embalada e começa outra do mesmo tipo; os próximos itens vão nela (um código de barras de caixa começa uma caixa desse tipo).</translation>
    </message>
</context>
<context>
    <name>LiveSettings</name>
    <message>
        <source>The claim lease applies from the next start.</source>
        <translation>A duração da reserva vale a partir da próxima inicialização.</translation>
    </message>
    <message>
        <source>The station database is used from the next start (the open connection keeps the claims it holds until then).</source>
        <translation>O banco de dados da estação é usado a partir da próxima inicialização (a conexão aberta mantém até lá os pedidos que reservou).</translation>
    </message>
</context>
<context>
    <name>PackModeView</name>
    <message>
        <source>{message} Scan the parcel's own label, or F2 to ship anyway (this is recorded).</source>
        <translation>{message} Escaneie a etiqueta do próprio pacote, ou F2 para enviar mesmo assim (fica registrado).</translation>
    </message>
    <message>
        <source>Shipping anyway could not be written to the audit log ({message}); nothing was shipped.</source>
        <translation>Não foi possível gravar o envio forçado no registro de auditoria ({message}); nada foi enviado.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guia do usuário</translation>
    </message>
    <message>
        <source>&amp;About Fulfillment Station</source>
        <translation>&amp;Sobre o Fulfillment Station</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>TRAINING — NOT A REAL SENDER</source>
        <translation>TREINAMENTO — NÃO É UM REMETENTE REAL</translation>
    </message>
    <message>
        <source>1 Practice Lane</source>
        <translation>Rua de Treino 1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>Caixas</translation>
    </message>
    <message>
        <source>Box {number} of {count}</source>
        <translation>Caixa {number} de {count}</translation>
    </message>
</context>
<context>
    <name>AuditOutcome</name>
    <message>
        <source>queued</source>
        <translation>na fila</translation>
    </message>
    <message>
        <source>done</source>
        <translation>feito</translation>
    </message>
    <message>
        <source>will try again</source>
        <translation>será tentado de novo</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
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
        <translation>interrompido</translation>
    </message>
    <message>
        <source>narrowed</source>
        <translation>reduzido</translation>
    </message>
    <message>
        <source>shipped anyway</source>
        <translation>enviado mesmo assim</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>No sound player was found on this computer, so the app can only use the system beep, which many desktops silence and whose volume the app cannot set. Install PipeWire's or PulseAudio's tools (pw-play, paplay) or ALSA's aplay.</source>
        <translation>Nenhum reprodutor de som foi encontrado neste computador, então o app só pode usar o bipe do sistema, que muitos ambientes silenciam e cujo volume o app não consegue ajustar. Instale as ferramentas do PipeWire ou do PulseAudio (pw-play, paplay) ou o aplay do ALSA.</translation>
    </message>
    <message>
        <source>Sounds play through {player}.</source>
        <translation>Os sons tocam pelo {player}.</translation>
    </message>
</context>
<context>
    <name>PaymentStatus</name>
    <message>
        <source>paid</source>
        <translation>pago</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>não pago</translation>
    </message>
    <message>
        <source>payment pending</source>
        <translation>pagamento pendente</translation>
    </message>
    <message>
        <source>payment authorized</source>
        <translation>pagamento autorizado</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>reembolsado</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>reembolsado em parte</translation>
    </message>
    <message>
        <source>payment voided</source>
        <translation>pagamento anulado</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelpDialog</name>
    <message>
        <source>Orders window</source>
        <translation>Janela de pedidos</translation>
    </message>
    <message>
        <source>Pack mode</source>
        <translation>Modo de embalagem</translation>
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
        <translation>Os códigos de comando fazem no modo de embalagem o mesmo que as teclas, pelo leitor: imprima a folha pelo menu Imprimir (Códigos de comando) e deixe-a na estação.</translation>
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
        <translation>Desfazer a última leitura</translation>
    </message>
    <message>
        <source>Ship what is scanned</source>
        <translation>Enviar o que foi lido</translation>
    </message>
    <message>
        <source>Next package</source>
        <translation>Próximo pacote</translation>
    </message>
    <message>
        <source>Ship all unverified</source>
        <translation>Enviar tudo sem conferir</translation>
    </message>
    <message>
        <source>Reprint documents</source>
        <translation>Reimprimir documentos</translation>
    </message>
    <message>
        <source>Reset order</source>
        <translation>Zerar pedido</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>Fechar pedido</translation>
    </message>
    <message>
        <source>Type a quantity, then Enter: the last scan counts that many</source>
        <translation>Digite uma quantidade e aperte Enter: a última leitura conta essa quantidade</translation>
    </message>
    <message>
        <source>Type a quantity, then *: the next scan counts that many</source>
        <translation>Digite uma quantidade e aperte *: a próxima leitura conta essa quantidade</translation>
    </message>
    <message>
        <source>Take back the last digit typed</source>
        <translation>Apaga o último dígito digitado</translation>
    </message>
    <message>
        <source>Choose a line</source>
        <translation>Escolher uma linha</translation>
    </message>
    <message>
        <source>Confirm the chosen line without scanning it</source>
        <translation>Confirmar a linha escolhida sem lê-la</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Guia de uso</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Fulfillment Station</source>
        <translation>Sobre o Fulfillment Station</translation>
    </message>
    <message>
        <source>Fulfillment Station {version}</source>
        <translation>Fulfillment Station {version}</translation>
    </message>
    <message>
        <source>Licensed under the MIT licence. It is built on these libraries, each under its own licence:</source>
        <translation>Licenciado sob a licença MIT. É feito com estas bibliotecas, cada uma com a sua própria licença:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versão</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licença</translation>
    </message>
    <message>
        <source>Qt and Qt for Python (PySide6) are used under the GNU LGPL version 3; you may replace them with your own build.</source>
        <translation>Qt e Qt for Python (PySide6) são usados sob a GNU LGPL versão 3; você pode substituí-los por uma compilação própria.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>This computer has no system password store (keyring) the app can use to keep the API token safe; install or turn on one (GNOME Keyring or KWallet on Linux; Windows and macOS have one built in) and try again, or choose to keep the token in a file only you can read.</source>
        <translation>Este computador não tem um cofre de senhas do sistema (chaveiro) que o app possa usar para guardar o token da API com segurança; instale ou ative um (GNOME Keyring ou KWallet no Linux; Windows e macOS já têm um) e tente de novo, ou escolha guardar o token em um arquivo que só você pode ler.</translation>
    </message>
    <message>
        <source>The system password store (keyring) is locked; unlock it (usually by logging in again) and try again.</source>
        <translation>O cofre de senhas do sistema (chaveiro) está bloqueado; desbloqueie-o (normalmente entrando de novo na sessão) e tente de novo.</translation>
    </message>
    <message>
        <source>Without a system password store, the token can be kept in a file that only your user account on this computer can read. Anyone who can sign in as you, or who gets this disk or a backup of it, can read the token and ship or cancel orders in the store. Use this only on a desk computer that is not shared, and prefer a keyring (GNOME Keyring or KWallet) when you can.</source>
        <translation>Sem um cofre de senhas do sistema, o token pode ficar em um arquivo que só a sua conta de usuário neste computador pode ler. Quem puder entrar como você, ou pegar este disco ou um backup dele, pode ler o token e enviar ou cancelar pedidos na loja. Use isto só em um computador de estação que não seja compartilhado, e prefira um chaveiro (GNOME Keyring ou KWallet) quando puder.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Keep the token in a file only I can read…</source>
        <translation>Guardar o token em um arquivo que só eu posso ler…</translation>
    </message>
    <message>
        <source>Keep the token in a file?</source>
        <translation>Guardar o token em um arquivo?</translation>
    </message>
    <message>
        <source>The token file could not be made: {error}.</source>
        <translation>Não foi possível criar o arquivo do token: {error}.</translation>
    </message>
</context>
<context>
    <name>BulkShipDialog</name>
    <message>
        <source>All orders shipped.</source>
        <translation>Todos os pedidos enviados.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not read {path}: {why}</source>
        <translation>Não foi possível ler {path}: {why}</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <source>Import tracking numbers</source>
        <translation>Importar códigos de rastreio</translation>
    </message>
    <message>
        <source>Order {n} has no carrier.</source>
        <translation>O pedido {n} não tem transportadora.</translation>
    </message>
    <message>
        <source>Order {n} has no tracking number.</source>
        <translation>O pedido {n} não tem código de rastreio.</translation>
    </message>
    <message>
        <source>Order {n}'s tracking number has a wrong check digit; rescan it.</source>
        <translation>O dígito verificador do código de rastreio do pedido {n} está errado; leia de novo.</translation>
    </message>
    <message>
        <source>Order {n}: {why}</source>
        <translation>Pedido {n}: {why}</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Tentar de novo os que falharam</translation>
    </message>
    <message>
        <source>Scan or type each order's tracking number; Enter moves to the next order.</source>
        <translation>Leia ou digite o código de rastreio de cada pedido; Enter passa para o próximo pedido.</translation>
    </message>
    <message>
        <source>Ship all</source>
        <translation>Enviar todos</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) failed.</source>
        <translation>
            <numerusform>%n pedido falhou.</numerusform>
            <numerusform>%n pedidos falharam.</numerusform>
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
        <translation>Transportadora</translation>
    </message>
    <message>
        <source>Check digit wrong: rescan</source>
        <translation>Dígito verificador errado: leia de novo</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation>Falhou: {message}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
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
        <translation>Código de rastreio</translation>
    </message>
    <message>
        <source>Unknown format: check it</source>
        <translation>Formato desconhecido: confira</translation>
    </message>
</context>
<context>
    <name>CreateOrderDialog</name>
    <message>
        <source>Add at least one line with a SKU.</source>
        <translation>Adicione pelo menos uma linha com um SKU.</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Adicionar linha</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Criar pedido</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moeda</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Line {n} has no SKU.</source>
        <translation>A linha {n} não tem SKU.</translation>
    </message>
    <message>
        <source>Line {n} needs a quantity of at least 1.</source>
        <translation>A linha {n} precisa de quantidade de pelo menos 1.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Novo pedido</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Sem estoque</translation>
    </message>
    <message>
        <source>Out of stock: {skus}. Change or remove these lines.</source>
        <translation>Sem estoque: {skus}. Altere ou remova estas linhas.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Remover linha</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>Entregar para</translation>
    </message>
    <message>
        <source>The currency must be a three-letter code, like USD.</source>
        <translation>A moeda deve ser um código de três letras, como USD.</translation>
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
        <translation>Quantidade</translation>
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
        <translation>A loja continuou enviando as mesmas páginas de pedidos, então o app parou de ler a lista. Os pedidos lidos até agora foram mantidos; tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>The store sent a far larger answer than expected, so the app stopped reading it. Try again later; if it keeps happening, copy the diagnostics for support.</source>
        <translation>A loja enviou uma resposta muito maior que o esperado, então o app parou de lê-la. Tente mais tarde; se continuar, copie o diagnóstico para o suporte.</translation>
    </message>
    <message>
        <source>The store's API answered from a different address than the one configured. Check the base URL in the connection settings.</source>
        <translation>A API da loja respondeu de um endereço diferente do configurado. Verifique a URL base nas configurações da conexão.</translation>
    </message>
    <message>
        <source>The store's answer does not show that this was saved, so it is not known whether it went through. The app will check the order before trying again.</source>
        <translation>A resposta da loja não mostra que isto foi salvo, então não se sabe se deu certo. O app vai conferir o pedido antes de tentar de novo.</translation>
    </message>
    <message>
        <source>The store's secure connection could not be verified (its certificate is not trusted or does not match the address). Check the base URL, or ask the store's IT about the certificate.</source>
        <translation>Não foi possível verificar a conexão segura da loja (o certificado não é confiável ou não corresponde ao endereço). Verifique a URL base ou pergunte à TI da loja sobre o certificado.</translation>
    </message>
</context>
<context>
    <name>Connectors</name>
    <message>
        <source>The base URL must not contain a user name or password; put the API token in the token field instead.</source>
        <translation>A URL base não pode conter usuário nem senha; coloque o token da API no campo do token.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>1 order could not be read; see the log.</source>
        <translation>Não foi possível ler 1 pedido; veja o registro.</translation>
    </message>
    <message>
        <source>{count} orders could not be read; see the log.</source>
        <translation>Não foi possível ler {count} pedidos; veja o registro.</translation>
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
        <translation>Salvar como PDF</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Salvar como PDF…</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Arquivos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Ship to</source>
        <translation>Entregar para</translation>
    </message>
    <message>
        <source>Bill to</source>
        <translation>Faturar para</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Não informado</translation>
    </message>
    <message>
        <source>Same as shipping address</source>
        <translation>Igual ao endereço de entrega</translation>
    </message>
    <message>
        <source>Ordered {date}</source>
        <translation>Pedido em {date}</translation>
    </message>
    <message>
        <source>Items: {count}</source>
        <translation>Itens: {count}</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qtd.</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Código de barras</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preço</translation>
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
        <translation>Este pedido não tem itens.</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Frete</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Impostos</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observações</translation>
    </message>
    <message>
        <source>Gift message</source>
        <translation>Mensagem de presente</translation>
    </message>
    <message>
        <source>(order number cannot be shown as a barcode)</source>
        <translation>(o número do pedido não pode ser mostrado como código de barras)</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Pedido {number}</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>Romaneio</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <source>FROM:</source>
        <translation>REMETENTE:</translation>
    </message>
    <message>
        <source>SHIP TO:</source>
        <translation>DESTINATÁRIO:</translation>
    </message>
    <message>
        <source>{carrier} TRACKING #</source>
        <translation>RASTREIO {carrier}</translation>
    </message>
    <message>
        <source>TRACKING #</source>
        <translation>RASTREIO</translation>
    </message>
    <message>
        <source>NO TRACKING NUMBER</source>
        <translation>SEM CÓDIGO DE RASTREIO</translation>
    </message>
    <message>
        <source>Shipped: {date}</source>
        <translation>Enviado: {date}</translation>
    </message>
    <message>
        <source>Printed: {date}</source>
        <translation>Impresso: {date}</translation>
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
        <translation>O código de rastreio {tracking} já é usado no pedido {other}. Confira se a etiqueta deste pacote é do pedido {order}.</translation>
    </message>
    <message>
        <source>Shipped with tracking number {tracking}, already used on order {other}</source>
        <translation>Enviado com o código de rastreio {tracking}, já usado no pedido {other}</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Ship anyway: this label belongs to this parcel (recorded in the audit log)</source>
        <translation>Enviar mesmo assim: esta etiqueta é deste pacote (fica no registro de auditoria)</translation>
    </message>
    <message>
        <source>{sentence} Rescan the parcel's own label, or tick &quot;Ship anyway&quot;.</source>
        <translation>{sentence} Leia a etiqueta deste pacote ou marque &quot;Enviar mesmo assim&quot;.</translation>
    </message>
    <message>
        <source>Shipping anyway could not be written to the audit log, so nothing was shipped. Check the disk, then try again.</source>
        <translation>Não foi possível registrar o &quot;Enviar mesmo assim&quot; no registro de auditoria, então nada foi enviado. Verifique o disco e tente de novo.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No ship-from address is set up yet. Enter the store's return address (name, street, city, country) in Settings → Station before printing the first label.</source>
        <translation>Ainda não há endereço de remetente. Informe o endereço de devolução da loja (nome, rua, cidade, país) em Configurações → Estação antes de imprimir a primeira etiqueta.</translation>
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
        <source>On hold, do not ship: {reasons}</source>
        <translation>Retido, não enviar: {reasons}</translation>
    </message>
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
    <message>
        <source>this desk</source>
        <translation>esta estação</translation>
    </message>
    <message>
        <source>Marketplace order {id}</source>
        <translation>Pedido do marketplace {id}</translation>
    </message>
    <message numerus="yes">
        <source>Parcel {n}: {weight} kg {size} · %n item(s)</source>
        <translation>
            <numerusform>Volume {n}: {weight} kg {size} · %n item</numerusform>
            <numerusform>Volume {n}: {weight} kg {size} · %n itens</numerusform>
        </translation>
    </message>
    <message>
        <source>RETURNS</source>
        <translation>DEVOLUÇÕES</translation>
    </message>
    <message>
        <source>Service paid for: {service}</source>
        <translation>Serviço pago: {service}</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregue</translation>
    </message>
    <message>
        <source>from warehouse {id}</source>
        <translation>do armazém {id}</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>em trânsito</translation>
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
        <source>Order {number} created.</source>
        <translation>Pedido {number} criado.</translation>
    </message>
    <message>
        <source>Why must this order wait? (shown to every packer)</source>
        <translation>Por que este pedido deve esperar? (todos os embaladores verão)</translation>
    </message>
    <message>
        <source>Put order {number} on hold</source>
        <translation>Reter o pedido {number}</translation>
    </message>
    <message>
        <source>Put on &amp;hold…</source>
        <translation>&amp;Reter…</translation>
    </message>
    <message>
        <source>&amp;Release hold</source>
        <translation>&amp;Liberar retenção</translation>
    </message>
    <message>
        <source>The API said: {api}</source>
        <translation>A API disse: {api}</translation>
    </message>
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
    <message>
        <source>Queued: {summary}</source>
        <translation>Na fila: {summary}</translation>
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
        <translation>A&amp;tender…</translation>
    </message>
    <message>
        <source>&amp;Bulk ship…</source>
        <translation>Envio em &amp;lote…</translation>
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
        <translation>&amp;Novo pedido…</translation>
    </message>
    <message>
        <source>Not available: {why}</source>
        <translation>Indisponível: {why}</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Exportar log de auditoria</translation>
    </message>
    <message>
        <source>Audit log exported to {path}</source>
        <translation>Log de auditoria exportado para {path}</translation>
    </message>
    <message>
        <source>The audit log could not be exported: {error}</source>
        <translation>Não foi possível exportar o log de auditoria: {error}</translation>
    </message>
    <message>
        <source>Export audit &amp;log (CSV)…</source>
        <translation>Exportar &amp;log de auditoria (CSV)…</translation>
    </message>
    <message>
        <source>Shift &amp;report…</source>
        <translation>&amp;Relatório do turno…</translation>
    </message>
    <message>
        <source>Today&apos;s numbers from every desk: per hour, scans, manifest</source>
        <translation>Os números de hoje de todos os postos: por hora, leituras, manifesto</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Caixa de saída</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>Fila de impressão</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimir</translation>
    </message>
    <message>
        <source>Select an order first.</source>
        <translation>Selecione um pedido primeiro.</translation>
    </message>
    <message>
        <source>That order is no longer in the local cache.</source>
        <translation>Esse pedido não está mais no cache local.</translation>
    </message>
    <message>
        <source>Select one or more orders first.</source>
        <translation>Selecione um ou mais pedidos primeiro.</translation>
    </message>
    <message>
        <source>Packing slips ({n})</source>
        <translation>Romaneios ({n})</translation>
    </message>
    <message>
        <source>Pick list ({n} orders)</source>
        <translation>Lista de separação ({n} pedidos)</translation>
    </message>
    <message>
        <source>Command barcodes</source>
        <translation>Códigos de barras de comando</translation>
    </message>
    <message>
        <source>Print &amp;slip of the selected order</source>
        <translation>Imprimir &amp;romaneio do pedido selecionado</translation>
    </message>
    <message>
        <source>Print slips of the selected orders…</source>
        <translation>Imprimir romaneios dos pedidos selecionados…</translation>
    </message>
    <message>
        <source>Pick &amp;list of the selected orders…</source>
        <translation>&amp;Lista de separação dos pedidos selecionados…</translation>
    </message>
    <message>
        <source>&amp;Command barcodes sheet…</source>
        <translation>Folha de &amp;códigos de barras de comando…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>A&amp;talhos de teclado</translation>
    </message>
    <message>
        <source>shipping…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <source>fulfilling…</source>
        <translation>atendendo…</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>cancelando…</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>salvando…</translation>
    </message>
    <message>
        <source>creating…</source>
        <translation>criando…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>Writes waiting in the outbox (View → Outbox)</source>
        <translation>Alterações aguardando na caixa de saída (Exibir → Caixa de saída)</translation>
    </message>
    <message>
        <source>&amp;Pack mode</source>
        <translation>Modo &amp;embalagem</translation>
    </message>
    <message>
        <source>Pack orders with the scanner only (F9)</source>
        <translation>Embalar pedidos só com o leitor (F9)</translation>
    </message>
    <message>
        <source>No order matches {text}.</source>
        <translation>Nenhum pedido corresponde a {text}.</translation>
    </message>
    <message>
        <source>No order matches the scan {scan}.</source>
        <translation>Nenhum pedido corresponde à leitura {scan}.</translation>
    </message>
    <message>
        <source>{count} orders match the scan {scan}; the first is open.</source>
        <translation>{count} pedidos correspondem à leitura {scan}; o primeiro está aberto.</translation>
    </message>
    <message>
        <source>Quit with actions waiting?</source>
        <translation>Sair com ações pendentes?</translation>
    </message>
    <message>
        <source>{n} action(s) are still waiting to be sent to the store. They are saved and will be sent when the app starts again. Quit now?</source>
        <translation>{n} ação(ões) ainda aguardam envio para a loja. Elas estão salvas e serão enviadas quando o aplicativo for aberto de novo. Sair agora?</translation>
    </message>
    <message>
        <source>Outbox: {n} waiting</source>
        <translation>Caixa de saída: {n} pendentes</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copiar &amp;diagnóstico</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>Diagnostics copied (no tokens).</source>
        <translation>Diagnóstico copiado (sem tokens).</translation>
    </message>
    <message>
        <source>Settings saved. A changed connection opens at the next start.</source>
        <translation>Configurações salvas. Uma conexão alterada abre na próxima inicialização.</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Conexão</translation>
    </message>
    <message>
        <source>Training store (practice orders)</source>
        <translation>Loja de treinamento (pedidos de prática)</translation>
    </message>
    <message>
        <source>Switch &amp;connection…</source>
        <translation>Trocar de &amp;conexão…</translation>
    </message>
    <message>
        <source>Open another store, or the training store</source>
        <translation>Abrir outra loja ou a loja de treinamento</translation>
    </message>
    <message>
        <source>This connection is already open.</source>
        <translation>Esta conexão já está aberta.</translation>
    </message>
    <message>
        <source>Switching to {name}: finishing the write in progress first…</source>
        <translation>Mudando para {name}: primeiro termina o envio em andamento…</translation>
    </message>
    <message>
        <source>{n} action(s) for {name} are still waiting; they stay saved and are sent when {name} is opened again.</source>
        <translation>{n} ação(ões) de {name} ainda estão pendentes; ficam salvas e são enviadas quando {name} for aberta de novo.</translation>
    </message>
    <message>
        <source>{name} could not be opened: {reason} You are still on {current}.</source>
        <translation>Não foi possível abrir {name}: {reason} Você continua em {current}.</translation>
    </message>
    <message>
        <source>Switch connection</source>
        <translation>Trocar de conexão</translation>
    </message>
    <message>
        <source>Open {name} now? Writes still waiting for the connection open now stay saved and are sent when it is opened again.</source>
        <translation>Abrir {name} agora? As alterações pendentes da conexão aberta ficam salvas e são enviadas quando ela for aberta de novo.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configurações salvas.</translation>
    </message>
    <message>
        <source>Channel sync…</source>
        <translation>Sincronização de canais…</translation>
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
<context>
    <name>PackLinesModel</name>
    <message>
        <source>{name} (no barcode)</source>
        <translation>{name} (sem código de barras)</translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation>✓ pronto</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Escaneado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Situação</translation>
    </message>
</context>
<context>
    <name>PackModeView</name>
    <message>
        <source>No order open</source>
        <translation>Nenhum pedido aberto</translation>
    </message>
    <message>
        <source>%v of %m units scanned</source>
        <translation>%v de %m unidades escaneadas</translation>
    </message>
    <message>
        <source>Esc OK · Ctrl+Z undo · F2 ship scanned · F4 next package · F5 reprint · F6 next box · F8 reset · F10 close · 12 Enter: last scan ×12 · 12 *: next scan ×12 · Space: confirm line</source>
        <translation>Esc OK · Ctrl+Z desfazer · F2 enviar o escaneado · F4 próximo volume · F5 reimprimir · F6 próxima caixa · F8 zerar · F10 fechar · 12 Enter: última leitura ×12 · 12 *: próxima leitura ×12 · Espaço: confirmar linha</translation>
    </message>
    <message>
        <source>Wait a moment: the app is still working on the last step. Scan again when this message changes.</source>
        <translation>Aguarde um momento: o aplicativo ainda está concluindo a última etapa. Escaneie de novo quando esta mensagem mudar.</translation>
    </message>
    <message>
        <source>Stopped. Scan an order to open it.</source>
        <translation>Interrompido. Escaneie um pedido para abri-lo.</translation>
    </message>
    <message>
        <source>Wait a moment: the app is still working on the last step.</source>
        <translation>Aguarde um momento: o aplicativo ainda está concluindo a última etapa.</translation>
    </message>
    <message>
        <source>No order is open: scan an order number first.</source>
        <translation>Nenhum pedido aberto: escaneie primeiro um número de pedido.</translation>
    </message>
    <message>
        <source>Shipping stopped. Keep scanning, or F2 to ship what is scanned.</source>
        <translation>Envio interrompido. Continue escaneando, ou F2 para enviar o que foi escaneado.</translation>
    </message>
    <message>
        <source>Order closed; its scans are kept. Scan an order to open it.</source>
        <translation>Pedido fechado; as leituras foram mantidas. Escaneie um pedido para abri-lo.</translation>
    </message>
    <message>
        <source>All counts of this order are back to 0. Scan the items.</source>
        <translation>Todas as contagens deste pedido voltaram a 0. Escaneie os itens.</translation>
    </message>
    <message>
        <source>The order is waiting for its tracking number: scan it, F2 to ship without one, or F10 to go back to packing.</source>
        <translation>O pedido está aguardando o código de rastreio: escaneie-o, F2 para enviar sem ele ou F10 para voltar a embalar.</translation>
    </message>
    <message>
        <source>Open an order first, then type a quantity.</source>
        <translation>Abra um pedido primeiro e depois digite uma quantidade.</translation>
    </message>
    <message>
        <source>Quantity typed: {n}  (Enter: last scan counts {n} · *: next scan counts {n})</source>
        <translation>Quantidade digitada: {n}  (Enter: a última leitura conta {n} · *: a próxima leitura conta {n})</translation>
    </message>
    <message>
        <source>Next scan counts {n} units</source>
        <translation>A próxima leitura conta {n} unidades</translation>
    </message>
    <message>
        <source>Pick a line with Up/Down first, then press Space to confirm it.</source>
        <translation>Escolha primeiro uma linha com Cima/Baixo e pressione Espaço para confirmá-la.</translation>
    </message>
    <message>
        <source>✓ {sku} {name}: {scanned} of {needed} ({state})</source>
        <translation>✓ {sku} {name}: {scanned} de {needed} ({state})</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nada para desfazer.</translation>
    </message>
    <message>
        <source>Undone: {sku} {name} is back to {scanned} of {needed}.</source>
        <translation>Desfeito: {sku} {name} voltou a {scanned} de {needed}.</translation>
    </message>
    <message>
        <source>Printing the packing slip and label…</source>
        <translation>Imprimindo o romaneio e a etiqueta…</translation>
    </message>
    <message>
        <source>Printed again.</source>
        <translation>Impresso novamente.</translation>
    </message>
    <message>
        <source>Printing failed: {message} Press F5 to print again, or scan the tracking number.</source>
        <translation>A impressão falhou: {message} Pressione F5 para imprimir de novo ou escaneie o código de rastreio.</translation>
    </message>
    <message>
        <source>Printing failed: {message} Press F5 to print again.</source>
        <translation>A impressão falhou: {message} Pressione F5 para imprimir de novo.</translation>
    </message>
    <message>
        <source>That is not a tracking number: scan the tracking barcode on the shipping label (F10 goes back to packing).</source>
        <translation>Isso não é um código de rastreio: escaneie o código de barras de rastreio na etiqueta de envio (F10 volta a embalar).</translation>
    </message>
    <message>
        <source>Shipping order {order}…</source>
        <translation>Enviando o pedido {order}…</translation>
    </message>
    <message>
        <source>Package of {order} shipped. Opening the rest…</source>
        <translation>Volume de {order} enviado. Abrindo o restante…</translation>
    </message>
    <message>
        <source>Order {order} shipped ✓</source>
        <translation>Pedido {order} enviado ✓</translation>
    </message>
    <message>
        <source>Shipping failed: {message} Scan the tracking number again to retry.</source>
        <translation>O envio falhou: {message} Escaneie o código de rastreio novamente para tentar de novo.</translation>
    </message>
    <message>
        <source>All orders of this list are packed. Scan an order to open it.</source>
        <translation>Todos os pedidos desta lista foram embalados. Escaneie um pedido para abri-lo.</translation>
    </message>
    <message>
        <source>The scan could not be read: scan it again.</source>
        <translation>Não foi possível ler a leitura: escaneie de novo.</translation>
    </message>
    <message>
        <source>Looking up the order…</source>
        <translation>Procurando o pedido…</translation>
    </message>
    <message>
        <source>No order found for {scan}. Scan the order number or the barcode on the packing slip.</source>
        <translation>Nenhum pedido encontrado para {scan}. Escaneie o número do pedido ou o código de barras do romaneio.</translation>
    </message>
    <message>
        <source>{scan} is on {n} orders. Scan the order number or the barcode on the packing slip.</source>
        <translation>{scan} aparece em {n} pedidos. Escaneie o número do pedido ou o código de barras do romaneio.</translation>
    </message>
    <message>
        <source>Order {order} resumed where you left off: {scanned} of {needed} scanned.</source>
        <translation>Pedido {order} retomado de onde você parou: {scanned} de {needed} escaneados.</translation>
    </message>
    <message>
        <source>Order {order}: scan the items.</source>
        <translation>Pedido {order}: escaneie os itens.</translation>
    </message>
    <message numerus="yes">
        <source>Order {order} · {name} · %n lines</source>
        <translation>
            <numerusform>Pedido {order} · {name} · %n linha</numerusform>
            <numerusform>Pedido {order} · {name} · %n linhas</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan the tracking number on the label (F2: ship without one).</source>
        <translation>Escaneie o código de rastreio da etiqueta (F2: enviar sem ele).</translation>
    </message>
    <message>
        <source>Scan an order number, packing slip or tracking number to start.</source>
        <translation>Escaneie um número de pedido, um romaneio ou um código de rastreio para começar.</translation>
    </message>
    <message>
        <source>STOP — {message}
(Esc or Enter to continue)</source>
        <translation>PARE — {message}
(Esc ou Enter para continuar)</translation>
    </message>
    <message>
        <source>Order {order} is open: scan its items.</source>
        <translation>O pedido {order} está aberto: escaneie os itens.</translation>
    </message>
    <message>
        <source>Next: {item}</source>
        <translation>Próximo: {item}</translation>
    </message>
    <message>
        <source>All items scanned ✓</source>
        <translation>Todos os itens escaneados ✓</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>Falta %n</numerusform>
            <numerusform>Faltam %n</numerusform>
        </translation>
    </message>
    <message>
        <source>The next {n} orders of this list cannot be packed now. Scan an order to open it.</source>
        <translation>Os próximos {n} pedidos desta lista não podem ser embalados agora. Escaneie um pedido para abri-lo.</translation>
    </message>
</context>
<context>
    <name>CapabilitiesModel</name>
    <message>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>Disponível</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Observação</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Edit connection</source>
        <translation>Editar conexão</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Adicionar conexão</translation>
    </message>
    <message>
        <source>unchanged (saved in the system keyring)</source>
        <translation>inalterado (salvo no chaveiro do sistema)</translation>
    </message>
    <message>
        <source>optional: PEM file of a private certificate authority</source>
        <translation>opcional: arquivo PEM de uma autoridade certificadora privada</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>API dialect</source>
        <translation>Dialeto da API</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Token da API</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Pacote de CA</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testar conexão</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Dê um nome à conexão.</translation>
    </message>
    <message>
        <source>Enter the store's API base URL (it starts with https://).</source>
        <translation>Informe a URL base da API da loja (começa com https://).</translation>
    </message>
    <message>
        <source>Paste the store's API token.</source>
        <translation>Cole o token da API da loja.</translation>
    </message>
    <message>
        <source>The CA bundle file {path} does not exist.</source>
        <translation>O arquivo de pacote de CA {path} não existe.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testando…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>Reachable: {reachable}
Authenticated: {authenticated}
Orders visible: {count}</source>
        <translation>Acessível: {reachable}
Autenticado: {authenticated}
Pedidos visíveis: {count}</translation>
    </message>
    <message>
        <source>The connection could not be tested: {error}</source>
        <translation>Não foi possível testar a conexão: {error}</translation>
    </message>
    <message>
        <source>Not tested.</source>
        <translation>Não testada.</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}.</source>
        <translation>Não foi possível salvar as configurações: {error}.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificados (*.pem *.crt);;Todos os arquivos (*)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong in the app, but nothing was lost: queued shipments are safe and you can keep working.</source>
        <translation>Algo deu errado no aplicativo, mas nada foi perdido: as remessas na fila estão seguras e você pode continuar trabalhando.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erro inesperado</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar detalhes</translation>
    </message>
    <message>
        <source>A report for support was saved to:
{path} ({n} errors since this window opened)</source>
        <translation>Um relatório para o suporte foi salvo em:
{path} ({n} erros desde que esta janela foi aberta)</translation>
    </message>
    <message>
        <source>A report for support was saved to:
{path}</source>
        <translation>Um relatório para o suporte foi salvo em:
{path}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Without returns</source>
        <translation>Sem devoluções</translation>
    </message>
    <message>
        <source>With returns</source>
        <translation>Com devoluções</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Devoluções</translation>
    </message>
    <message>
        <source>Customer name or email</source>
        <translation>Nome ou e-mail do cliente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fulfillment</source>
        <translation>Atendimento</translation>
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
        <translation>Criado</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Limpar filtros</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Qualquer</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Fulfillment Station</source>
        <translation>Bem-vindo ao Fulfillment Station</translation>
    </message>
    <message>
        <source>This desk has no store connected yet. Practise first on a training store with realistic fake orders, or connect your store's Orders API now. You can change this later in File → Settings.</source>
        <translation>Esta estação ainda não tem nenhuma loja conectada. Pratique primeiro em uma loja de treinamento com pedidos fictícios realistas ou conecte agora a API de pedidos da sua loja. Você pode mudar isso depois em Arquivo → Configurações.</translation>
    </message>
    <message>
        <source>Practise in &amp;training mode</source>
        <translation>Praticar no modo &amp;treinamento</translation>
    </message>
    <message>
        <source>&amp;Connect a store…</source>
        <translation>&amp;Conectar uma loja…</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>State</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentativas</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Próxima tentativa</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Show done</source>
        <translation>Mostrar concluídas</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Tentar de novo</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Dispensar</translation>
    </message>
    <message>
        <source>Let this action go: it will not be sent, and later actions on the order can go ahead.</source>
        <translation>Desistir desta ação: ela não será enviada e as ações seguintes do pedido poderão prosseguir.</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Aguardando envio</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Será tentada de novo</translation>
    </message>
    <message>
        <source>Failed: retry or dismiss</source>
        <translation>Falhou: tente de novo ou dispense</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Dispensada</translation>
    </message>
    <message>
        <source>Nothing waiting to send</source>
        <translation>Nada aguardando envio</translation>
    </message>
    <message>
        <source>1 action waiting to send</source>
        <translation>1 ação aguardando envio</translation>
    </message>
    <message>
        <source>{n} actions waiting to send</source>
        <translation>{n} ações aguardando envio</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Adicionar…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>API tokens are kept in this computer's password store (keyring), never in the settings file.</source>
        <translation>Os tokens da API ficam no cofre de senhas deste computador (chaveiro), nunca no arquivo de configurações.</translation>
    </message>
    <message>
        <source>Open on start</source>
        <translation>Abrir ao iniciar</translation>
    </message>
    <message>
        <source>Training mode (practice store, no real orders)</source>
        <translation>Modo treinamento (loja de prática, sem pedidos reais)</translation>
    </message>
    <message>
        <source>Connection “{name}”: {problem}</source>
        <translation>Conexão “{name}”: {problem}</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}.</source>
        <translation>Não foi possível salvar as configurações: {error}.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Connections</source>
        <translation>Conexões</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Estação</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Impressoras</translation>
    </message>
    <message>
        <source>Pack mode</source>
        <translation>Modo embalagem</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Leitor</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Sons</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <source>The stores this desk can connect to. Tokens are kept in the system keyring.</source>
        <translation>As lojas às quais esta estação pode se conectar. Os tokens ficam no chaveiro do sistema.</translation>
    </message>
    <message>
        <source>Active connection</source>
        <translation>Conexão ativa</translation>
    </message>
    <message>
        <source>Id of the connection the app opens; empty means training mode.</source>
        <translation>Id da conexão que o aplicativo abre; vazio significa modo treinamento.</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Nome da estação</translation>
    </message>
    <message>
        <source>Name of this desk, shown in the title bar and in the audit log.</source>
        <translation>Nome desta estação, exibido na barra de título e no log de auditoria.</translation>
    </message>
    <message>
        <source>Packer name</source>
        <translation>Nome do embalador</translation>
    </message>
    <message>
        <source>Who is packing at this desk; written to the audit log with every action.</source>
        <translation>Quem está embalando nesta estação; registrado no log de auditoria a cada ação.</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Nome da loja</translation>
    </message>
    <message>
        <source>Printed at the top of packing slips.</source>
        <translation>Impresso no topo dos romaneios.</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>Image printed on packing slips (PNG or JPEG); empty for none.</source>
        <translation>Imagem impressa nos romaneios (PNG ou JPEG); vazio para nenhuma.</translation>
    </message>
    <message>
        <source>Return name</source>
        <translation>Nome para devolução</translation>
    </message>
    <message>
        <source>Name on the return address.</source>
        <translation>Nome no endereço de devolução.</translation>
    </message>
    <message>
        <source>Return company</source>
        <translation>Empresa para devolução</translation>
    </message>
    <message>
        <source>Company on the return address.</source>
        <translation>Empresa no endereço de devolução.</translation>
    </message>
    <message>
        <source>Return address line 1</source>
        <translation>Endereço de devolução, linha 1</translation>
    </message>
    <message>
        <source>Street and number.</source>
        <translation>Rua e número.</translation>
    </message>
    <message>
        <source>Return address line 2</source>
        <translation>Endereço de devolução, linha 2</translation>
    </message>
    <message>
        <source>Suite, unit, building.</source>
        <translation>Complemento, sala, prédio.</translation>
    </message>
    <message>
        <source>Return city</source>
        <translation>Cidade de devolução</translation>
    </message>
    <message>
        <source>City of the return address.</source>
        <translation>Cidade do endereço de devolução.</translation>
    </message>
    <message>
        <source>Return region</source>
        <translation>Estado de devolução</translation>
    </message>
    <message>
        <source>State, province or region.</source>
        <translation>Estado, província ou região.</translation>
    </message>
    <message>
        <source>Return postal code</source>
        <translation>CEP de devolução</translation>
    </message>
    <message>
        <source>ZIP or postcode.</source>
        <translation>CEP ou código postal.</translation>
    </message>
    <message>
        <source>Return country</source>
        <translation>País de devolução</translation>
    </message>
    <message>
        <source>Two-letter country code, e.g. US.</source>
        <translation>Código do país com duas letras, por ex. BR.</translation>
    </message>
    <message>
        <source>Slip printer</source>
        <translation>Impressora de romaneios</translation>
    </message>
    <message>
        <source>Printer for packing slips: one from the list, a named printer, or an address (tcp://host:9100, cups:QUEUE, file:/folder). In the training store, empty saves PDF files in the training folder.</source>
        <translation>Impressora para os romaneios: uma da lista, uma impressora com nome ou um endereço (tcp://host:9100, cups:FILA, file:/pasta). Na loja de treinamento, vazio salva arquivos PDF na pasta de treinamento.</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Impressora de etiquetas</translation>
    </message>
    <message>
        <source>Printer for shipping labels: one from the list, a named printer, or an address (tcp://host:9100, cups:QUEUE, file:/folder). In the training store, empty saves PDF files in the training folder.</source>
        <translation>Impressora para as etiquetas de envio: uma da lista, uma impressora com nome ou um endereço (tcp://host:9100, cups:FILA, file:/pasta). Na loja de treinamento, vazio salva arquivos PDF na pasta de treinamento.</translation>
    </message>
    <message>
        <source>Label format</source>
        <translation>Formato da etiqueta</translation>
    </message>
    <message>
        <source>PDF for ordinary printers, ZPL for Zebra-compatible thermal printers.</source>
        <translation>PDF para impressoras comuns, ZPL para impressoras térmicas compatíveis com Zebra.</translation>
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
        <translation>Resolução da impressora de etiquetas</translation>
    </message>
    <message>
        <source>Dots per inch of the thermal label printer.</source>
        <translation>Pontos por polegada da impressora térmica de etiquetas.</translation>
    </message>
    <message>
        <source>203 dpi</source>
        <translation>203 dpi</translation>
    </message>
    <message>
        <source>300 dpi</source>
        <translation>300 dpi</translation>
    </message>
    <message>
        <source>Slip page size</source>
        <translation>Tamanho de página do romaneio</translation>
    </message>
    <message>
        <source>Paper size of packing slips.</source>
        <translation>Tamanho do papel dos romaneios.</translation>
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
        <translation>4×6 polegadas</translation>
    </message>
    <message>
        <source>Print automatically</source>
        <translation>Imprimir automaticamente</translation>
    </message>
    <message>
        <source>Print the slip and label as soon as an order is fully scanned.</source>
        <translation>Imprimir o romaneio e a etiqueta assim que um pedido for totalmente escaneado.</translation>
    </message>
    <message>
        <source>Allow shipping unscanned items</source>
        <translation>Permitir enviar itens não escaneados</translation>
    </message>
    <message>
        <source>Let the packer ship an order without scanning every item.</source>
        <translation>Permite que o embalador envie um pedido sem escanear todos os itens.</translation>
    </message>
    <message>
        <source>Pack mode font size</source>
        <translation>Tamanho da fonte do modo embalagem</translation>
    </message>
    <message>
        <source>Text size in pack mode, in points.</source>
        <translation>Tamanho do texto no modo embalagem, em pontos.</translation>
    </message>
    <message>
        <source>Scanner key gap (ms)</source>
        <translation>Intervalo entre teclas do leitor (ms)</translation>
    </message>
    <message>
        <source>Keys closer together than this are treated as a scanner, not a person.</source>
        <translation>Teclas mais próximas que isso são tratadas como leitor, não como uma pessoa.</translation>
    </message>
    <message>
        <source>Shortest scan</source>
        <translation>Leitura mais curta</translation>
    </message>
    <message>
        <source>Bursts shorter than this many characters are treated as typing.</source>
        <translation>Sequências com menos caracteres que isso são tratadas como digitação.</translation>
    </message>
    <message>
        <source>Beep on scans, errors and shipments.</source>
        <translation>Bipe nas leituras, erros e remessas.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Sound volume in percent.</source>
        <translation>Volume do som em porcentagem.</translation>
    </message>
    <message>
        <source>Sync every (seconds)</source>
        <translation>Sincronizar a cada (segundos)</translation>
    </message>
    <message>
        <source>How often orders are fetched from the store in the background.</source>
        <translation>Com que frequência os pedidos são buscados na loja em segundo plano.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language of the app; every window changes to it at once.</source>
        <translation>Idioma do aplicativo; todas as janelas mudam para ele na hora.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma do sistema</translation>
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
        <translation>Banco de dados da estação</translation>
    </message>
    <message>
        <source>postgresql:// address of the database the desks of this warehouse share (password in the keyring); empty: this desk works alone.</source>
        <translation>Endereço postgresql:// do banco de dados compartilhado pelos postos deste armazém (a senha fica no chaveiro); vazio: este posto trabalha sozinho.</translation>
    </message>
    <message>
        <source>Claim lease (seconds)</source>
        <translation>Reserva de pedido (segundos)</translation>
    </message>
    <message>
        <source>A desk that stops answering for this long loses the orders it was packing to the other desks.</source>
        <translation>Um posto que deixa de responder por esse tempo perde para os outros postos os pedidos que estava embalando.</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Order {order} is being packed at {desk} by {packer} since {since}: take another order.</source>
        <translation>O pedido {order} está sendo embalado em {desk} por {packer} desde {since}: pegue outro pedido.</translation>
    </message>
    <message>
        <source>Order {order} was already finished at {desk} at {since}.</source>
        <translation>O pedido {order} já foi concluído em {desk} às {since}.</translation>
    </message>
    <message>
        <source>A shipment for order {order} is already waiting to be sent at {desk} (queued {since}): do not ship it again.</source>
        <translation>Um envio do pedido {order} já está aguardando para ser enviado em {desk} (na fila desde {since}): não envie de novo.</translation>
    </message>
    <message>
        <source>Coordination with the other desks is off (station database unreachable); packing goes on here.</source>
        <translation>A coordenação com os outros postos está desligada (banco de dados da estação inacessível); a embalagem continua aqui.</translation>
    </message>
    <message>
        <source>Coordinated with the other desks.</source>
        <translation>Coordenado com os outros postos.</translation>
    </message>
    <message>
        <source>Packing at {desk} · {packer} · since {since}</source>
        <translation>Embalando em {desk} · {packer} · desde {since}</translation>
    </message>
    <message>
        <source>The station database cannot be reached now: try again in a moment.</source>
        <translation>Não é possível alcançar o banco de dados da estação agora: tente de novo em instantes.</translation>
    </message>
    <message>
        <source>The shift&apos;s numbers come from a station database: set one in Settings → Station.</source>
        <translation>Os números do turno vêm de um banco de dados da estação: configure um em Configurações → Estação.</translation>
    </message>
</context>
<context>
    <name>ShiftReportDialog</name>
    <message>
        <source>Shift numbers · {day}</source>
        <translation>Números do turno · {day}</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>Embalador</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Itens</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>Caixas</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Posto</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source>Wrong items</source>
        <translation>Itens errados</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Exceções</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transportadora</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Número de rastreamento</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Por hora</translation>
    </message>
    <message>
        <source>Pack times</source>
        <translation>Tempos de embalagem</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Leituras</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifesto</translation>
    </message>
    <message>
        <source>Save manifest as PDF…</source>
        <translation>Salvar manifesto como PDF…</translation>
    </message>
    <message>
        <source>Save manifest as CSV…</source>
        <translation>Salvar manifesto como CSV…</translation>
    </message>
    <message>
        <source>Save manifest</source>
        <translation>Salvar manifesto</translation>
    </message>
</context>
<context>
    <name>AddressForm</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Address line 1</source>
        <translation>Endereço, linha 1</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Endereço, linha 2</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Cidade</translation>
    </message>
    <message>
        <source>State or region</source>
        <translation>Estado ou região</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>CEP</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>address line 1</source>
        <translation>endereço (linha 1)</translation>
    </message>
    <message>
        <source>city</source>
        <translation>cidade</translation>
    </message>
    <message>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <source>The address needs a {fields}.</source>
        <translation>Falta no endereço: {fields}.</translation>
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
        <translation>Manter pedido</translation>
    </message>
    <message>
        <source>Customer asked to cancel</source>
        <translation>O cliente pediu o cancelamento</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Sem estoque</translation>
    </message>
    <message>
        <source>Payment problem</source>
        <translation>Problema no pagamento</translation>
    </message>
    <message>
        <source>Duplicate order</source>
        <translation>Pedido duplicado</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>Suspeita de fraude</translation>
    </message>
    <message>
        <source>Cannot deliver to address</source>
        <translation>Não é possível entregar no endereço</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Motivo (obrigatório)</translation>
    </message>
    <message>
        <source>Reason (kept in this app)</source>
        <translation>Motivo (fica registrado neste aplicativo)</translation>
    </message>
    <message>
        <source>Email the customer</source>
        <translation>Avisar o cliente por e-mail</translation>
    </message>
    <message>
        <source>Cancelling cannot be undone.</source>
        <translation>O cancelamento não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Choose or type a reason for cancelling.</source>
        <translation>Escolha ou digite um motivo para o cancelamento.</translation>
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
        <translation>Endereço de entrega</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observações</translation>
    </message>
    <message>
        <source>{store} cannot move an order that is {status} to another status.</source>
        <translation>{store} não permite mudar de status um pedido que está como {status}.</translation>
    </message>
    <message>
        <source>the notes</source>
        <translation>as observações</translation>
    </message>
    <message>
        <source>the shipping address</source>
        <translation>o endereço de entrega</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>o status</translation>
    </message>
    <message>
        <source>{store}'s API cannot change {what}.</source>
        <translation>A API de {store} não permite alterar {what}.</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>Nada foi alterado.</translation>
    </message>
</context>
<context>
    <name>PrintJobsModel</name>
    <message>
        <source>Waiting to print</source>
        <translation>Aguardando impressão</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Imprimindo</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impresso</translation>
    </message>
    <message>
        <source>Failed — press Retry</source>
        <translation>Falhou — clique em Tentar de novo</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>Romaneio</translation>
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
        <translation>Impressora</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentativas</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último erro</translation>
    </message>
    <message>
        <source>{document} (reprint)</source>
        <translation>{document} (reimpressão)</translation>
    </message>
</context>
<context>
    <name>PrintQueuePanel</name>
    <message>
        <source>Print jobs</source>
        <translation>Trabalhos de impressão</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Tentar de novo</translation>
    </message>
    <message>
        <source>Send the selected job to its printer again.</source>
        <translation>Enviar de novo o trabalho selecionado para a impressora.</translation>
    </message>
    <message>
        <source>Re&amp;print</source>
        <translation>Re&amp;imprimir</translation>
    </message>
    <message>
        <source>Print another copy of the selected document.</source>
        <translation>Imprimir outra cópia do documento selecionado.</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Fulfill order {n}</source>
        <translation>Atender pedido {n}</translation>
    </message>
    <message>
        <source>Ship order {n}</source>
        <translation>Enviar pedido {n}</translation>
    </message>
    <message>
        <source>Fulfill</source>
        <translation>Atender</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Add another shipment</source>
        <translation>Adicionar outra remessa</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>Data de envio</translation>
    </message>
    <message>
        <source>Email the customer</source>
        <translation>Avisar o cliente por e-mail</translation>
    </message>
    <message>
        <source>The store will not see the tracking number; it is kept in this app</source>
        <translation>A loja não verá o código de rastreio; ele fica registrado neste aplicativo</translation>
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
        <translation>{store} não permite enviar só algumas linhas: tudo o que resta é enviado junto.</translation>
    </message>
    <message>
        <source>Shipment {n}</source>
        <translation>Remessa {n}</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Código de rastreio</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transportadora</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>Pacote</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Comprimento</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Largura</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Altura</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>não informado</translation>
    </message>
    <message>
        <source>The app does not know this tracking number format; check it before shipping.</source>
        <translation>O aplicativo não reconhece este formato de código de rastreio; confira-o antes de enviar.</translation>
    </message>
    <message>
        <source>The check digit of this {carrier} number is wrong; rescan it.</source>
        <translation>O dígito verificador deste código da {carrier} está errado; escaneie-o de novo.</translation>
    </message>
    <message>
        <source>{carrier} tracking number.</source>
        <translation>Código de rastreio da {carrier}.</translation>
    </message>
    <message>
        <source>Choose a carrier.</source>
        <translation>Escolha uma transportadora.</translation>
    </message>
    <message>
        <source>Scan or type the tracking number.</source>
        <translation>Escaneie ou digite o código de rastreio.</translation>
    </message>
    <message>
        <source>The tracking number's check digit is wrong: rescan it, or tick "Ship anyway with this tracking number".</source>
        <translation>O dígito verificador do código de rastreio está errado: escaneie-o de novo ou marque “Enviar mesmo assim com este código de rastreio”.</translation>
    </message>
    <message>
        <source>Type or scan</source>
        <translation>Digite ou escaneie</translation>
    </message>
    <message>
        <source>Ship anyway with this tracking number</source>
        <translation>Enviar mesmo assim com este código de rastreio</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>on hold</source>
        <translation>retido</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
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
        <translation>Itens</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fulfillment</source>
        <translation>Atendimento</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendente</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Em processamento</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconhecido</translation>
    </message>
    <message>
        <source>Unfulfilled</source>
        <translation>Não atendido</translation>
    </message>
    <message>
        <source>Partly shipped</source>
        <translation>Enviado parcialmente</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>Atendido</translation>
    </message>
    <message>
        <source>The store sent a status this app does not know.</source>
        <translation>A loja enviou um status que este aplicativo não conhece.</translation>
    </message>
    <message>
        <source>The ship-to address lacks a name, street, city or country.</source>
        <translation>O endereço de entrega não tem nome, rua, cidade ou país.</translation>
    </message>
    <message>
        <source>Cancelled although goods have already shipped.</source>
        <translation>Cancelado embora as mercadorias já tenham sido enviadas.</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Orders with goods still to pack (pending, confirmed or processing), not on hold.</source>
        <translation>Pedidos com mercadorias ainda a embalar (pendentes, confirmados ou em processamento), não retidos.</translation>
    </message>
    <message>
        <source>To pack</source>
        <translation>A embalar</translation>
    </message>
    <message>
        <source>Partly shipped</source>
        <translation>Enviados parcialmente</translation>
    </message>
    <message>
        <source>Shipped today</source>
        <translation>Enviados hoje</translation>
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
        <translation>Pedidos com mercadorias ainda a embalar (pendentes, confirmados ou em processamento).</translation>
    </message>
    <message>
        <source>Orders of which some goods have shipped and some have not.</source>
        <translation>Pedidos dos quais uma parte já foi enviada e outra não.</translation>
    </message>
    <message>
        <source>Orders with a shipment dated today.</source>
        <translation>Pedidos com uma remessa de hoje.</translation>
    </message>
    <message>
        <source>Unknown status, unusable address, or cancelled after goods left.</source>
        <translation>Status desconhecido, endereço inutilizável ou cancelado depois do envio.</translation>
    </message>
    <message>
        <source>Every order in the local cache.</source>
        <translation>Todos os pedidos do cache local.</translation>
    </message>
</context>
<context>
    <name>Capabilities</name>
    <message>
        <source>This store's API has no field for tracking numbers: the store and the customer will not see it. Shipped from the app, it is kept in this desk's audit log and the order's timeline.</source>
        <translation>A API desta loja não tem campo para códigos de rastreio: nem a loja nem o cliente o verão. Enviado pelo aplicativo, ele fica no registro de auditoria deste posto e no histórico do pedido.</translation>
    </message>
    <message>
        <source>Once an order is fulfilled this app adds no more shipments to it: add a late parcel's tracking number in Squarespace itself.</source>
        <translation>Depois que um pedido está atendido, este aplicativo não adiciona mais envios a ele: adicione o código de rastreio de um pacote atrasado no próprio Squarespace.</translation>
    </message>
    <message>
        <source>{store}'s API documents no way to do this.</source>
        <translation>A API da {store} não oferece nenhuma forma de fazer isso.</translation>
    </message>
    <message>
        <source>{store}'s API cannot do this.</source>
        <translation>A API da {store} não consegue fazer isso.</translation>
    </message>
    <message>
        <source>{store}'s API cannot filter by {filters}.</source>
        <translation>A API da {store} não consegue filtrar por {filters}.</translation>
    </message>
    <message>
        <source>This store's API has no field for tracking numbers: the tracking number is kept only in this app, and the customer will not see it from the store.</source>
        <translation>A API desta loja não tem campo para o código de rastreio: o código fica só neste aplicativo e o cliente não o verá pela loja.</translation>
    </message>
    <message>
        <source>Marks the whole order shipped. {no_tracking}</source>
        <translation>Marca o pedido inteiro como enviado. {no_tracking}</translation>
    </message>
    <message>
        <source>Generic REST has one way to mark an order sent: use Ship, which sets its status to shipped.</source>
        <translation>O Generic REST tem só uma forma de marcar um pedido como enviado: use Enviar, que muda o status para enviado.</translation>
    </message>
    <message>
        <source>Generic REST's API has no endpoint to ship many orders at once; ship them one by one.</source>
        <translation>A API do Generic REST não permite enviar vários pedidos de uma vez; envie-os um por um.</translation>
    </message>
    <message>
        <source>The store takes no cancellation reason; the app keeps it.</source>
        <translation>A loja não recebe o motivo do cancelamento; o aplicativo o guarda.</translation>
    </message>
    <message>
        <source>Only the shipping address and the status can change.</source>
        <translation>Só é possível alterar o endereço de entrega e o status.</translation>
    </message>
    <message>
        <source>If the store's answer is lost, look for the order before creating it again: the API cannot tell a repeat from a new order.</source>
        <translation>Se a resposta da loja se perder, procure o pedido antes de criá-lo de novo: a API não distingue uma repetição de um pedido novo.</translation>
    </message>
    <message>
        <source>Generic REST's API has no shipments; an order is only marked shipped.</source>
        <translation>A API do Generic REST não tem remessas; o pedido só é marcado como enviado.</translation>
    </message>
    <message>
        <source>Generic REST's API has no endpoint to sync channels.</source>
        <translation>A API do Generic REST não permite sincronizar canais.</translation>
    </message>
    <message>
        <source>Generic REST's API makes no shipping labels; print them from this app.</source>
        <translation>A API do Generic REST não gera etiquetas de envio; imprima-as por este aplicativo.</translation>
    </message>
    <message>
        <source>Orders can only be shipped whole: the API has no partial shipment.</source>
        <translation>Os pedidos só podem ser enviados inteiros: a API não aceita envio parcial.</translation>
    </message>
    <message>
        <source>Items carry product ids only, no product names.</source>
        <translation>Os itens trazem só o ID do produto, sem o nome.</translation>
    </message>
    <message>
        <source>Price2b creates the tracking number and the label.</source>
        <translation>O Price2b gera o código de rastreio e a etiqueta.</translation>
    </message>
    <message>
        <source>For parcels shipped outside Price2b: one tracking number.</source>
        <translation>Para volumes enviados fora do Price2b: um código de rastreio.</translation>
    </message>
    <message>
        <source>Price2b has no bulk endpoint; the app ships the orders one by one.</source>
        <translation>O Price2b não permite envio em lote; o aplicativo envia os pedidos um por um.</translation>
    </message>
    <message>
        <source>Only orders with nothing fulfilled yet.</source>
        <translation>Só pedidos que ainda não têm nada atendido.</translation>
    </message>
    <message>
        <source>Notes; the address until fulfillment starts; the status only for Shopify and web orders (processing, delivered).</source>
        <translation>Observações; o endereço até o atendimento começar; o status só em pedidos da Shopify e da web (em processamento, entregue).</translation>
    </message>
    <message>
        <source>Price2b's API has no way to create orders; create it in the marketplace or in Price2b.</source>
        <translation>A API do Price2b não permite criar pedidos; crie-o no marketplace ou no Price2b.</translation>
    </message>
    <message>
        <source>Asks Price2b to fetch new orders from the marketplaces.</source>
        <translation>Pede ao Price2b que busque os pedidos novos nos marketplaces.</translation>
    </message>
    <message>
        <source>The label Price2b made when the order shipped.</source>
        <translation>A etiqueta que o Price2b gerou quando o pedido foi enviado.</translation>
    </message>
    <message>
        <source>Shipping through Price2b buys the label; the tracking number comes back from Price2b.</source>
        <translation>Enviar pelo Price2b compra a etiqueta; o código de rastreio volta do Price2b.</translation>
    </message>
    <message>
        <source>Amazon, MercadoLibre and eBay orders take their status from the marketplace.</source>
        <translation>Os pedidos da Amazon, do Mercado Livre e do eBay recebem o status do marketplace.</translation>
    </message>
    <message>
        <source>The list has no 'changed since' filter, so a refresh reads every page.</source>
        <translation>A lista não tem filtro de “alterado desde”, então cada atualização lê todas as páginas.</translation>
    </message>
    <message>
        <source>NexusCommerce's API has no endpoint to {action}; do it in NexusCommerce or the marketplace.</source>
        <translation>A API da NexusCommerce não permite {action}; faça isso na NexusCommerce ou no marketplace.</translation>
    </message>
    <message>
        <source>No 'changed since' filter: each sync reads the whole list.</source>
        <translation>Sem filtro de “alterado desde”: cada sincronização lê a lista inteira.</translation>
    </message>
    <message>
        <source>NexusCommerce passes the shipment on to the marketplace, which may reject an implausible tracking number.</source>
        <translation>A NexusCommerce repassa o envio ao marketplace, que pode rejeitar um código de rastreio implausível.</translation>
    </message>
    <message>
        <source>The marketplace has to approve the cancellation; the order may keep its status for a while.</source>
        <translation>O marketplace precisa aprovar o cancelamento; o pedido pode manter o status por um tempo.</translation>
    </message>
    <message>
        <source>NexusCommerce has no separate fulfill step: confirming the shipment is the fulfillment. Use Ship.</source>
        <translation>A NexusCommerce não tem uma etapa de atendimento separada: confirmar o envio é o atendimento. Use Enviar.</translation>
    </message>
    <message>
        <source>change an order</source>
        <translation>alterar um pedido</translation>
    </message>
    <message>
        <source>create an order</source>
        <translation>criar um pedido</translation>
    </message>
    <message>
        <source>Read from the order's detail.</source>
        <translation>Lido do detalhe do pedido.</translation>
    </message>
    <message>
        <source>start a marketplace sync</source>
        <translation>iniciar uma sincronização com o marketplace</translation>
    </message>
    <message>
        <source>buy or fetch a shipping label</source>
        <translation>comprar ou obter uma etiqueta de envio</translation>
    </message>
    <message>
        <source>NexusCommerce cannot filter by 'changed since', so every sync reads the whole list.</source>
        <translation>A NexusCommerce não consegue filtrar por “alterado desde”, então cada sincronização lê a lista inteira.</translation>
    </message>
    <message>
        <source>The order list carries no addresses or barcodes; sync reads the detail of each new or changed order.</source>
        <translation>A lista de pedidos não traz endereços nem códigos de barras; a sincronização lê o detalhe de cada pedido novo ou alterado.</translation>
    </message>
    <message>
        <source>The carrier service and tracking link are not sent; the marketplace tells the buyer.</source>
        <translation>O serviço da transportadora e o link de rastreio não são enviados; o marketplace avisa o comprador.</translation>
    </message>
    <message>
        <source>50 orders a page, oldest change first.</source>
        <translation>50 pedidos por página, primeiro a alteração mais antiga.</translation>
    </message>
    <message>
        <source>Marks the whole order fulfilled; Squarespace cannot ship some lines only.</source>
        <translation>Marca o pedido inteiro como atendido; o Squarespace não consegue enviar só algumas linhas.</translation>
    </message>
    <message>
        <source>Marks the whole order fulfilled, with the shipments given.</source>
        <translation>Marca o pedido inteiro como atendido, com as remessas informadas.</translation>
    </message>
    <message>
        <source>Squarespace's API has no bulk fulfillment; fulfill the orders one at a time.</source>
        <translation>A API do Squarespace não permite atendimento em lote; atenda os pedidos um de cada vez.</translation>
    </message>
    <message>
        <source>Squarespace's API has no way to cancel an order; cancel it in the Squarespace dashboard.</source>
        <translation>A API do Squarespace não permite cancelar pedidos; cancele-o no painel do Squarespace.</translation>
    </message>
    <message>
        <source>Squarespace's API has no way to change an order; edit it in the Squarespace dashboard.</source>
        <translation>A API do Squarespace não permite alterar pedidos; edite-o no painel do Squarespace.</translation>
    </message>
    <message>
        <source>Imports an order from another sales channel; its products must already exist in the Squarespace store.</source>
        <translation>Importa um pedido de outro canal de vendas; os produtos dele já devem existir na loja do Squarespace.</translation>
    </message>
    <message>
        <source>Read from the order's fulfillments.</source>
        <translation>Lido dos atendimentos do pedido.</translation>
    </message>
    <message>
        <source>Squarespace's API has no channel sync.</source>
        <translation>A API do Squarespace não tem sincronização de canais.</translation>
    </message>
    <message>
        <source>Squarespace's API creates no shipping labels.</source>
        <translation>A API do Squarespace não gera etiquetas de envio.</translation>
    </message>
    <message>
        <source>Fulfilling marks the whole order fulfilled: Squarespace has no partial shipments.</source>
        <translation>Atender marca o pedido inteiro como atendido: o Squarespace não aceita envio parcial.</translation>
    </message>
    <message>
        <source>More shipments can be added to an order that is already fulfilled.</source>
        <translation>É possível adicionar mais remessas a um pedido já atendido.</translation>
    </message>
    <message>
        <source>Squarespace orders are only pending, fulfilled or canceled.</source>
        <translation>Os pedidos do Squarespace só ficam pendentes, atendidos ou cancelados.</translation>
    </message>
    <message>
        <source>Line items carry no barcode: match scanned items by SKU.</source>
        <translation>As linhas não trazem código de barras: identifique os itens escaneados pelo SKU.</translation>
    </message>
    <message>
        <source>Created orders cannot carry notes or a customer id.</source>
        <translation>Os pedidos criados não podem ter observações nem ID de cliente.</translation>
    </message>
    <message>
        <source>Inventory Cloud's API has no endpoint to {action}, so do it in Inventory Cloud itself.</source>
        <translation>A API do Inventory Cloud não permite {action}; faça isso direto no Inventory Cloud.</translation>
    </message>
    <message>
        <source>Inventory Cloud has no single-order read, so the app looks the order up in the list; this can be slow on a big account.</source>
        <translation>O Inventory Cloud não permite ler um único pedido, então o aplicativo o procura na lista; isso pode ser lento numa conta grande.</translation>
    </message>
    <message>
        <source>Creating an order reserves stock; if a SKU is short the store refuses the whole order and names the SKUs.</source>
        <translation>Criar um pedido reserva estoque; se faltar um SKU, a loja recusa o pedido inteiro e informa os SKUs.</translation>
    </message>
    <message>
        <source>ship an order or send a tracking number</source>
        <translation>enviar um pedido nem mandar um código de rastreio</translation>
    </message>
    <message>
        <source>mark an order fulfilled</source>
        <translation>marcar um pedido como atendido</translation>
    </message>
    <message>
        <source>ship orders</source>
        <translation>enviar pedidos</translation>
    </message>
    <message>
        <source>cancel an order</source>
        <translation>cancelar um pedido</translation>
    </message>
    <message>
        <source>list an order's shipments</source>
        <translation>listar as remessas de um pedido</translation>
    </message>
    <message>
        <source>start a channel sync</source>
        <translation>iniciar uma sincronização de canais</translation>
    </message>
    <message>
        <source>fetch a shipping label</source>
        <translation>obter uma etiqueta de envio</translation>
    </message>
    <message>
        <source>Inventory Cloud's orders carry no line items, customer or address: pack from the store's own pick list.</source>
        <translation>Os pedidos do Inventory Cloud não trazem itens, cliente nem endereço: embale pela lista de separação da própria loja.</translation>
    </message>
    <message>
        <source>Shipping, cancelling and editing orders happen in Inventory Cloud, not in this app.</source>
        <translation>Envio, cancelamento e edição de pedidos são feitos no Inventory Cloud, não neste aplicativo.</translation>
    </message>
</context>
<context>
    <name>ConnectorError</name>
    <message>
        <source>The store says this order is already cancelled: nothing more needs doing. Refresh it to see its status.</source>
        <translation>A loja diz que este pedido já está cancelado: não há mais nada a fazer. Atualize-o para ver o status.</translation>
    </message>
    <message>
        <source>The store is still fetching orders from the marketplaces. Wait until it finishes, then start the channel sync again or refresh the orders.</source>
        <translation>A loja ainda está buscando pedidos dos marketplaces. Aguarde terminar e inicie de novo a sincronização de canais ou atualize os pedidos.</translation>
    </message>
    <message>
        <source>The store's API reported a problem.</source>
        <translation>A API da loja informou um problema.</translation>
    </message>
    <message>
        <source>The store refused the API token. Check the token in the connection settings or ask for a new one.</source>
        <translation>A loja recusou o token da API. Confira o token nas configurações da conexão ou peça um novo.</translation>
    </message>
    <message>
        <source>The API token is not allowed to do this. Ask for a token with write access.</source>
        <translation>O token da API não tem permissão para isso. Peça um token com permissão de escrita.</translation>
    </message>
    <message>
        <source>The store does not know this order. Refresh the list; it may have been removed.</source>
        <translation>A loja não conhece este pedido. Atualize a lista; ele pode ter sido removido.</translation>
    </message>
    <message>
        <source>The store refused because the order changed meanwhile. Refresh and check it.</source>
        <translation>A loja recusou porque o pedido mudou nesse meio-tempo. Atualize e confira.</translation>
    </message>
    <message>
        <source>The store says this order already has a shipment. Refresh it before shipping again.</source>
        <translation>A loja diz que este pedido já tem uma remessa. Atualize-o antes de enviar de novo.</translation>
    </message>
    <message>
        <source>The store does not allow this change for the order in its current status. Refresh the order and check its status.</source>
        <translation>A loja não permite essa alteração com o pedido no status atual. Atualize o pedido e confira o status.</translation>
    </message>
    <message>
        <source>The marketplace rejected the shipment. Check the carrier and tracking number, then try again.</source>
        <translation>O marketplace rejeitou o envio. Confira a transportadora e o código de rastreio e tente de novo.</translation>
    </message>
    <message>
        <source>Some items are out of stock, so the store did not create the order.</source>
        <translation>Alguns itens estão sem estoque, então a loja não criou o pedido.</translation>
    </message>
    <message>
        <source>The store rejected the request as invalid. Check the fields and try again.</source>
        <translation>A loja recusou a solicitação como inválida. Confira os campos e tente de novo.</translation>
    </message>
    <message>
        <source>The store asked us to slow down. The app will retry by itself shortly.</source>
        <translation>A loja pediu para ir mais devagar. O aplicativo tentará de novo sozinho em instantes.</translation>
    </message>
    <message>
        <source>The store's server had a problem. The app will retry by itself shortly.</source>
        <translation>O servidor da loja teve um problema. O aplicativo tentará de novo sozinho em instantes.</translation>
    </message>
    <message>
        <source>The store's server failed while saving this, so it is not known whether it went through. The app will check the order before trying again.</source>
        <translation>O servidor da loja falhou ao salvar isso, então não se sabe se foi aplicado. O aplicativo vai conferir o pedido antes de tentar de novo.</translation>
    </message>
    <message>
        <source>Cannot reach the store. Check the network; the app will retry by itself when it is back.</source>
        <translation>Não foi possível falar com a loja. Confira a rede; o aplicativo tentará de novo sozinho quando ela voltar.</translation>
    </message>
    <message>
        <source>The store did not answer in time, so it is not known whether this went through. The app will check the order before trying again.</source>
        <translation>A loja não respondeu a tempo, então não se sabe se isso foi aplicado. O aplicativo vai conferir o pedido antes de tentar de novo.</translation>
    </message>
    <message>
        <source>The store sent an answer the app cannot read. Try again; if it keeps happening, copy the diagnostics for support.</source>
        <translation>A loja enviou uma resposta que o aplicativo não consegue ler. Tente de novo; se continuar acontecendo, copie o diagnóstico para o suporte.</translation>
    </message>
    <message>
        <source>This store's API cannot do that.</source>
        <translation>A API desta loja não consegue fazer isso.</translation>
    </message>
    <message>
        <source>The connection must use HTTPS; plain HTTP is only allowed to this computer (127.0.0.1 or localhost). Change the base URL to https://.</source>
        <translation>A conexão precisa usar HTTPS; HTTP sem criptografia só é permitido para este computador (127.0.0.1 ou localhost). Mude a URL base para https://.</translation>
    </message>
</context>
<context>
    <name>Connectors</name>
    <message>
        <source>Generic REST can only mark the whole order shipped, not some of its items. Ship every item, or ship outside the app.</source>
        <translation>O Generic REST só consegue marcar como enviado o pedido inteiro, não alguns itens. Envie todos os itens ou faça o envio fora do aplicativo.</translation>
    </message>
    <message>
        <source>Generic REST's API has no field for order notes; keep the note in this app.</source>
        <translation>A API do Generic REST não tem campo para observações do pedido; guarde a observação neste aplicativo.</translation>
    </message>
    <message>
        <source>Generic REST cannot set an order to {status}.</source>
        <translation>O Generic REST não consegue mudar um pedido para {status}.</translation>
    </message>
    <message>
        <source>Squarespace orders are only pending, fulfilled or canceled; they cannot be listed as {status}.</source>
        <translation>Os pedidos do Squarespace só ficam pendentes, atendidos ou cancelados; não dá para listá-los como {status}.</translation>
    </message>
    <message>
        <source>Squarespace fulfills whole orders only; it cannot ship some lines or units on their own. Ship every remaining item, or none.</source>
        <translation>O Squarespace só atende pedidos inteiros; não consegue enviar algumas linhas ou unidades separadamente. Envie todos os itens restantes ou nenhum.</translation>
    </message>
    <message>
        <source>{url} is not a valid URL.</source>
        <translation>{url} não é uma URL válida.</translation>
    </message>
    <message>
        <source>{url} is not a web address; it should start with https://.</source>
        <translation>{url} não é um endereço web; deve começar com https://.</translation>
    </message>
    <message>
        <source>There is nothing to change.</source>
        <translation>Não há nada para alterar.</translation>
    </message>
    <message>
        <source>Generic REST needs a customer id to create an order. Enter the customer's id and retry.</source>
        <translation>O Generic REST precisa de um ID de cliente para criar um pedido. Digite o ID do cliente e tente de novo.</translation>
    </message>
    <message>
        <source>Price2b needs the carrier's service level (for example INTERNATIONAL_ECONOMY) to buy the label.</source>
        <translation>O Price2b precisa do nível de serviço da transportadora (por exemplo INTERNATIONAL_ECONOMY) para comprar a etiqueta.</translation>
    </message>
    <message>
        <source>Price2b records one tracking number per fulfillment: enter exactly one tracking number.</source>
        <translation>O Price2b registra um código de rastreio por atendimento: informe exatamente um.</translation>
    </message>
    <message>
        <source>Nothing to change: enter notes, an address or a status.</source>
        <translation>Nada para alterar: informe observações, um endereço ou um status.</translation>
    </message>
    <message>
        <source>Price2b cannot set an order to {status}; use ship, fulfill or cancel.</source>
        <translation>O Price2b não consegue mudar um pedido para {status}; use Enviar, Atender ou Cancelar.</translation>
    </message>
    <message>
        <source>The label link points to another server without HTTPS, so the app will not fetch it. Download the label from Price2b instead.</source>
        <translation>O link da etiqueta aponta para outro servidor sem HTTPS, então o aplicativo não vai baixá-la. Baixe a etiqueta pelo Price2b.</translation>
    </message>
    <message>
        <source>Enter the weight of each parcel: Price2b needs it to buy the labels.</source>
        <translation>Informe o peso de cada volume: o Price2b precisa dele para comprar as etiquetas.</translation>
    </message>
    <message>
        <source>Enter the parcel weight: Price2b needs it to buy the label and the order does not say what the items weigh.</source>
        <translation>Informe o peso do volume: o Price2b precisa dele para comprar a etiqueta e o pedido não diz quanto os itens pesam.</translation>
    </message>
    <message>
        <source>NexusCommerce needs a reason to cancel an order. Choose or type a reason and retry.</source>
        <translation>A NexusCommerce precisa de um motivo para cancelar um pedido. Escolha ou digite um motivo e tente de novo.</translation>
    </message>
    <message>
        <source>NexusCommerce's fulfillment methods are FBM, FBA and FBS, not {method}.</source>
        <translation>Os métodos de atendimento da NexusCommerce são FBM, FBA e FBS, não {method}.</translation>
    </message>
    <message>
        <source>NexusCommerce needs the carrier to confirm a shipment. Choose the carrier and retry.</source>
        <translation>A NexusCommerce precisa da transportadora para confirmar um envio. Escolha a transportadora e tente de novo.</translation>
    </message>
    <message>
        <source>NexusCommerce needs a tracking number to confirm a shipment. Scan or type it and retry.</source>
        <translation>A NexusCommerce precisa de um código de rastreio para confirmar um envio. Escaneie ou digite o código e tente de novo.</translation>
    </message>
    <message>
        <source>A quantity to ship cannot be negative.</source>
        <translation>A quantidade a enviar não pode ser negativa.</translation>
    </message>
    <message>
        <source>Nothing to ship: every quantity is zero. Enter how many of each item are in the parcel.</source>
        <translation>Nada para enviar: todas as quantidades são zero. Informe quantas unidades de cada item estão no volume.</translation>
    </message>
    <message>
        <source>Inventory Cloud needs a customer id to create an order. Enter the customer's id and retry.</source>
        <translation>O Inventory Cloud precisa de um ID de cliente para criar um pedido. Digite o ID do cliente e tente de novo.</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmado</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>em processamento</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregue</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>concluído</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Shipped although the order was on hold</source>
        <translation>Enviado embora o pedido estivesse retido</translation>
    </message>
    <message>
        <source>{store} did not confirm this new order, and its API cannot tell whether it was created. Check the store's order list; retry only if the order is not there.</source>
        <translation>{store} não confirmou este pedido novo e a API não permite saber se ele foi criado. Confira a lista de pedidos da loja; tente de novo só se o pedido não estiver lá.</translation>
    </message>
    <message>
        <source>The store refused to ship order {order} in the bulk shipment: {error}. Fix it, then retry or dismiss.</source>
        <translation>A loja recusou enviar o pedido {order} no envio em lote: {error}. Corrija e depois tente de novo ou dispense.</translation>
    </message>
    <message>
        <source>Order {order} is already shipped with tracking number {theirs}, not {mine}. Check the parcel before shipping it again.</source>
        <translation>O pedido {order} já foi enviado com o código de rastreio {theirs}, não {mine}. Confira o volume antes de enviá-lo de novo.</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(nenhum ainda)</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Erro inesperado: {error}</translation>
    </message>
    <message>
        <source>Gave up after {attempts} attempts: {error}</source>
        <translation>Abandonada após {attempts} tentativas: {error}</translation>
    </message>
    <message>
        <source>Already on the order; not sent again.</source>
        <translation>Já estava no pedido; não foi enviado de novo.</translation>
    </message>
    <message>
        <source>The store already had this; counted as done.</source>
        <translation>A loja já tinha isso; contado como feito.</translation>
    </message>
</context>
<context>
    <name>PackSession</name>
    <message>
        <source>Order {order} is on hold, do not pack it: {reason}.</source>
        <translation>O pedido {order} está retido, não o embale: {reason}.</translation>
    </message>
    <message>
        <source>Order {order} is {status}: it cannot be packed.</source>
        <translation>O pedido {order} está {status}: não pode ser embalado.</translation>
    </message>
    <message>
        <source>Order {order} has nothing left to ship.</source>
        <translation>O pedido {order} não tem mais nada para enviar.</translation>
    </message>
    <message>
        <source>A quantity must be between 1 and {max}.</source>
        <translation>A quantidade deve estar entre 1 e {max}.</translation>
    </message>
    <message>
        <source>The scan could not be read: scan it again.</source>
        <translation>Não foi possível ler o código escaneado: escaneie de novo.</translation>
    </message>
    <message>
        <source>Wrong item: {scan} is not on order {order}. Put it back.</source>
        <translation>Item errado: {scan} não está no pedido {order}. Devolva-o ao lugar.</translation>
    </message>
    <message>
        <source>Wrong item: {item} ({scan}) is not on order {order}. Put it back.</source>
        <translation>Item errado: {item} ({scan}) não está no pedido {order}. Devolva-o ao lugar.</translation>
    </message>
    <message>
        <source>Not recognised: {scan} is no item of order {order}. Scan the barcode on the item itself.</source>
        <translation>Não reconhecido: {scan} não é um item do pedido {order}. Escaneie o código de barras do próprio item.</translation>
    </message>
    <message>
        <source>Too many: {item} is already complete ({needed} of {needed}). Take the extra one out.</source>
        <translation>Quantidade demais: {item} já está completo ({needed} de {needed}). Retire a unidade extra.</translation>
    </message>
    <message>
        <source>Too many: only {left} of {item} still needed, not {quantity}.</source>
        <translation>Quantidade demais: de {item} só faltam {left}, não {quantity}.</translation>
    </message>
    <message>
        <source>That line is not on this order.</source>
        <translation>Essa linha não está neste pedido.</translation>
    </message>
    <message>
        <source>Too many: only {left} of {item} still needed.</source>
        <translation>Quantidade demais: de {item} só faltam {left}.</translation>
    </message>
    <message>
        <source>Scan an item first, then type how many of it there are.</source>
        <translation>Escaneie um item primeiro e depois digite quantas unidades há.</translation>
    </message>
    <message>
        <source>Too many: {item} needs only {needed}, {counted} already counted.</source>
        <translation>Quantidade demais: {item} precisa de só {needed} e já há {counted} contados.</translation>
    </message>
    <message>
        <source>Nothing is scanned yet: scan the items first.</source>
        <translation>Nada foi escaneado ainda: escaneie os itens primeiro.</translation>
    </message>
    <message>
        <source>Shipping without scanning is switched off in the settings: scan every item.</source>
        <translation>Enviar sem escanear está desativado nas configurações: escaneie todos os itens.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>pronto</translation>
    </message>
    <message>
        <source>{left} left</source>
        <translation>pendentes: {left}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No slip printer is set up. Choose one in Settings → Printers, or save the slip as PDF.</source>
        <translation>Nenhuma impressora de romaneios está configurada. Escolha uma em Configurações → Impressoras ou salve o romaneio como PDF.</translation>
    </message>
    <message>
        <source>No label printer is set up. Choose one in Settings → Printers, or save the label as PDF.</source>
        <translation>Nenhuma impressora de etiquetas está configurada. Escolha uma em Configurações → Impressoras ou salve a etiqueta como PDF.</translation>
    </message>
    <message>
        <source>The slip printer setting {spec} is not understood; use tcp://host:9100, cups:QUEUE or file:/folder in Settings → Printers.</source>
        <translation>A configuração da impressora de romaneios {spec} não foi entendida; use tcp://host:9100, cups:FILA ou file:/pasta em Configurações → Impressoras.</translation>
    </message>
    <message>
        <source>The label printer setting {spec} is not understood; use tcp://host:9100, cups:QUEUE or file:/folder in Settings → Printers.</source>
        <translation>A configuração da impressora de etiquetas {spec} não foi entendida; use tcp://host:9100, cups:FILA ou file:/pasta em Configurações → Impressoras.</translation>
    </message>
    <message>
        <source>The packing slip for order {order} did not print ({error}); it is waiting in the print queue for Retry.</source>
        <translation>O romaneio do pedido {order} não foi impresso ({error}); ele aguarda na fila de impressão para Tentar de novo.</translation>
    </message>
    <message>
        <source>The label for order {order} did not print ({error}); it is waiting in the print queue for Retry.</source>
        <translation>A etiqueta do pedido {order} não foi impressa ({error}); ela aguarda na fila de impressão para Tentar de novo.</translation>
    </message>
    <message>
        <source>The packing slip for order {order} was already printed; use Reprint to print it again.</source>
        <translation>O romaneio do pedido {order} já foi impresso; use Reimprimir para imprimi-lo de novo.</translation>
    </message>
    <message>
        <source>The label for order {order} was already printed; use Reprint to print it again.</source>
        <translation>A etiqueta do pedido {order} já foi impressa; use Reimprimir para imprimi-la de novo.</translation>
    </message>
    <message>
        <source>Packing slip {order} sent to {printer}.</source>
        <translation>Romaneio {order} enviado para {printer}.</translation>
    </message>
    <message>
        <source>Label {order} sent to {printer}.</source>
        <translation>Etiqueta {order} enviada para {printer}.</translation>
    </message>
</context>
<context>
    <name>Scanning</name>
    <message>
        <source>This looks like a {carrier} number but its check digit is wrong: a character is probably mistyped or misread.</source>
        <translation>Parece um código da {carrier}, mas o dígito verificador está errado: provavelmente um caractere foi digitado ou lido errado.</translation>
    </message>
    <message>
        <source>The product barcode's check digit is wrong: rescan it.</source>
        <translation>O dígito verificador do código de barras do produto está errado: escaneie de novo.</translation>
    </message>
    <message>
        <source>The carton label's SSCC check digit is wrong: rescan it.</source>
        <translation>O dígito verificador do SSCC da etiqueta da caixa está errado: escaneie de novo.</translation>
    </message>
    <message>
        <source>This is the ship-to postal code barcode ({postal}), not the tracking number: scan the other barcode on the label.</source>
        <translation>Este é o código de barras do CEP de destino ({postal}), não o código de rastreio: escaneie o outro código de barras da etiqueta.</translation>
    </message>
    <message>
        <source>This GS1 barcode holds no product, carton or tracking number.</source>
        <translation>Este código de barras GS1 não contém produto, caixa nem código de rastreio.</translation>
    </message>
    <message>
        <source>The scan was empty: scan the barcode again.</source>
        <translation>A leitura veio vazia: escaneie o código de barras de novo.</translation>
    </message>
    <message>
        <source>The scan is {length} characters long, more than any barcode this app reads ({max}): scan a single barcode.</source>
        <translation>A leitura tem {length} caracteres, mais do que qualquer código de barras que este aplicativo lê ({max}): escaneie um único código.</translation>
    </message>
    <message>
        <source>The scan holds an unreadable character ({character}): check the scanner's keyboard-language setting and scan again.</source>
        <translation>A leitura contém um caractere ilegível ({character}): confira o idioma de teclado configurado no leitor e escaneie de novo.</translation>
    </message>
    <message>
        <source>The GS1 barcode cannot be read ({detail}): scan it again.</source>
        <translation>Não foi possível ler o código de barras GS1 ({detail}): escaneie de novo.</translation>
    </message>
</context>
<context>
    <name>AppConnection</name>
    <message>
        <source>Training store (NexusCommerce sandbox)</source>
        <translation>Loja de treinamento (sandbox da NexusCommerce)</translation>
    </message>
    <message>
        <source>No API token is saved for {name}. Open Settings → Connections and enter it.</source>
        <translation>Nenhum token de API está salvo para {name}. Abra Configurações → Conexões e insira-o.</translation>
    </message>
    <message>
        <source>The training store could not be started ({error}).</source>
        <translation>Não foi possível iniciar a loja de treinamento ({error}).</translation>
    </message>
    <message>
        <source>That connection is no longer in the settings.</source>
        <translation>Essa conexão não está mais nas configurações.</translation>
    </message>
    <message>
        <source>{name} uses an API this version does not know ({dialect}).</source>
        <translation>{name} usa uma API que esta versão não conhece ({dialect}).</translation>
    </message>
</context>
<context>
    <name>Holds</name>
    <message>
        <source>this order is on hold: {reason}</source>
        <translation>este pedido está retido: {reason}</translation>
    </message>
    <message>
        <source>this order is on hold and cannot be shipped from the desk: {reason}</source>
        <translation>este pedido está retido e não pode ser enviado do posto: {reason}</translation>
    </message>
    <message>
        <source>this is a test order, paid with a test payment method</source>
        <translation>é um pedido de teste, pago com um meio de pagamento de teste</translation>
    </message>
    <message>
        <source>the store has not confirmed this order yet</source>
        <translation>a loja ainda não confirmou este pedido</translation>
    </message>
    <message>
        <source>the payment was {payment}</source>
        <translation>o pagamento consta como {payment}</translation>
    </message>
    <message>
        <source>the payment is not captured yet ({payment})</source>
        <translation>o pagamento ainda não foi capturado ({payment})</translation>
    </message>
    <message>
        <source>the marketplace ships this order from its own warehouse ({method})</source>
        <translation>o marketplace envia este pedido do próprio armazém ({method})</translation>
    </message>
    <message>
        <source>say why the order is on hold</source>
        <translation>diga por que o pedido está retido</translation>
    </message>
    <message>
        <source>put on hold at a desk: {reason}</source>
        <translation>retido em um posto: {reason}</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Discount {name} (code {code}): {amount}</source>
        <translation>Desconto {name} (código {code}): {amount}</translation>
    </message>
    <message>
        <source>Discount {name}: {amount}</source>
        <translation>Desconto {name}: {amount}</translation>
    </message>
    <message>
        <source>Discount: {amount}</source>
        <translation>Desconto: {amount}</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Discount: {name}</source>
        <translation>Desconto: {name}</translation>
    </message>
    <message>
        <source>Discount: {name} (code {code})</source>
        <translation>Desconto: {name} (código {code})</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Desconto</translation>
    </message>
</context>
<context>
    <name>HoldReasonDialog</name>
    <message>
        <source>Pack order {n} anyway?</source>
        <translation>Embalar o pedido {n} mesmo assim?</translation>
    </message>
    <message>
        <source>Why pack it anyway? (recorded with your name and this desk)</source>
        <translation>Por que embalar mesmo assim? (fica registrado com seu nome e esta estação)</translation>
    </message>
    <message>
        <source>Pack anyway</source>
        <translation>Embalar mesmo assim</translation>
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
        <translation>Em espera</translation>
    </message>
    <message>
        <source>Ship anyway…</source>
        <translation>Enviar mesmo assim…</translation>
    </message>
    <message>
        <source>Why ship it anyway? (recorded with your name and this desk)</source>
        <translation>Por que enviar mesmo assim? (fica registrado com seu nome e esta estação)</translation>
    </message>
    <message>
        <source>{sentence} Press &quot;Ship anyway…&quot; and say why, or cancel.</source>
        <translation>{sentence} Clique em “Enviar mesmo assim…” e diga por quê, ou cancele.</translation>
    </message>
</context>
<context>
    <name>PackModeView</name>
    <message>
        <source>{refusal} Scan another order, or F2 to pack it anyway: you will be asked why (recorded).</source>
        <translation>{refusal} Escaneie outro pedido, ou F2 para embalá-lo mesmo assim: você dirá por quê (fica registrado).</translation>
    </message>
    <message>
        <source>Say why the order is packed although it is on hold; nothing was opened.</source>
        <translation>Diga por que o pedido é embalado apesar de estar em espera; nada foi aberto.</translation>
    </message>
    <message>
        <source>Order {order} is on hold; packing it anyway for the reason you gave (recorded when it ships). Scan the items.</source>
        <translation>O pedido {order} está em espera; embalando mesmo assim pelo motivo informado (registrado no envio). Escaneie os itens.</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <source>the store lists no items on this order, so the app cannot ship it; ship it in the store's own system</source>
        <translation>a loja não lista itens neste pedido, então o aplicativo não pode enviá-lo; envie-o no sistema da própria loja</translation>
    </message>
    <message>
        <source>the order is already {status}</source>
        <translation>o pedido já está {status}</translation>
    </message>
    <message>
        <source>an order that is {status} cannot become {target}</source>
        <translation>um pedido {status} não pode passar para {target}</translation>
    </message>
    <message>
        <source>the order is cancelled; nothing can be shipped</source>
        <translation>o pedido está cancelado; nada pode ser enviado</translation>
    </message>
    <message>
        <source>an order that is {status} cannot be shipped</source>
        <translation>um pedido {status} não pode ser enviado</translation>
    </message>
    <message>
        <source>the order has no line {line}</source>
        <translation>o pedido não tem a linha {line}</translation>
    </message>
    <message>
        <source>a quantity cannot be negative</source>
        <translation>uma quantidade não pode ser negativa</translation>
    </message>
    <message>
        <source>{quantity} to ship but only {remaining} of {item} remain</source>
        <translation>{quantity} para enviar, mas só restam {remaining} de {item}</translation>
    </message>
    <message>
        <source>nothing is left to ship on this order</source>
        <translation>não resta nada a enviar neste pedido</translation>
    </message>
    <message>
        <source>goods of this order have already shipped; it can no longer be cancelled</source>
        <translation>parte deste pedido já saiu; não pode mais ser cancelado</translation>
    </message>
</context>
<context>
    <name>ActionSummary</name>
    <message>
        <source>Ship {count} order(s) in one bulk request</source>
        <translation>Enviar {count} pedido(s) numa única solicitação</translation>
    </message>
    <message>
        <source>Ship: {items} via {via}</source>
        <translation>Enviar: {items} via {via}</translation>
    </message>
    <message>
        <source>Mark fulfilled: {items}</source>
        <translation>Marcar como atendido: {items}</translation>
    </message>
    <message>
        <source>Mark fulfilled: {items}, tracking {numbers}</source>
        <translation>Marcar como atendido: {items}, rastreio {numbers}</translation>
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
        <translation>Criar o pedido {order} com {count} linha(s)</translation>
    </message>
    <message>
        <source>{count} item(s)</source>
        <translation>{count} item(ns)</translation>
    </message>
    <message>
        <source>all remaining items</source>
        <translation>todos os itens restantes</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>Printer {name} at {where} refused the connection; check it is switched on and connected to the network.</source>
        <translation>A impressora {name} em {where} recusou a conexão; verifique se está ligada e conectada à rede.</translation>
    </message>
    <message>
        <source>Printer {name} at {where} did not answer within {seconds} seconds; check it is switched on and connected to the network.</source>
        <translation>A impressora {name} em {where} não respondeu em {seconds} segundos; verifique se está ligada e conectada à rede.</translation>
    </message>
    <message>
        <source>The printer address {host} cannot be found; check the printer settings.</source>
        <translation>O endereço da impressora {host} não foi encontrado; verifique as configurações da impressora.</translation>
    </message>
    <message>
        <source>Printer {name} at {where} could not be reached ({detail}); check the printer and the network.</source>
        <translation>Não foi possível alcançar a impressora {name} em {where} ({detail}); verifique a impressora e a rede.</translation>
    </message>
    <message>
        <source>The lp command is missing, so CUPS printers cannot be used; install CUPS or choose a network printer.</source>
        <translation>O comando lp não está instalado, então impressoras CUPS não podem ser usadas; instale o CUPS ou escolha uma impressora de rede.</translation>
    </message>
    <message>
        <source>CUPS did not take the job for {name} within {seconds} seconds; check that CUPS is running.</source>
        <translation>O CUPS não aceitou o trabalho para {name} em {seconds} segundos; verifique se o CUPS está em execução.</translation>
    </message>
    <message>
        <source>CUPS would not print on {name}: {detail}.</source>
        <translation>O CUPS não imprimiu em {name}: {detail}.</translation>
    </message>
    <message>
        <source>Could not save the print job in {folder} ({detail}); choose another folder.</source>
        <translation>Não foi possível salvar o trabalho de impressão em {folder} ({detail}); escolha outra pasta.</translation>
    </message>
    <message>
        <source>Printer {name} takes {takes} but this document is {kind}; choose another printer for it.</source>
        <translation>A impressora {name} aceita {takes}, mas este documento é {kind}; escolha outra impressora para ele.</translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message>
        <source>The app stopped while this job was printing; check the printer and reprint it if nothing came out.</source>
        <translation>O aplicativo parou enquanto este trabalho era impresso; verifique a impressora e reimprima-o se nada saiu.</translation>
    </message>
</context>
<context>
    <name>BatchPrint</name>
    <message>
        <source>Printing cancelled; no slips were printed.</source>
        <translation>Impressão cancelada; nenhum romaneio foi impresso.</translation>
    </message>
    <message>
        <source>The packing slips could not be prepared ({error}).</source>
        <translation>Não foi possível preparar os romaneios ({error}).</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Hold released</source>
        <translation>Retenção liberada</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Retido</translation>
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
        <translation>Não é possível consultar o CUPS sobre {name} ({detail}); verifique se o CUPS está instalado e em execução.</translation>
    </message>
    <message>
        <source>Printer {name} at {where} cannot be reached ({detail}); check it is switched on and connected.</source>
        <translation>Não foi possível alcançar a impressora {name} em {where} ({detail}); verifique se está ligada e conectada.</translation>
    </message>
    <message>
        <source>Printer {name} at {where} gave no status answer; it may not be a Zebra-type printer.</source>
        <translation>A impressora {name} em {where} não respondeu com seu estado; talvez não seja uma impressora do tipo Zebra.</translation>
    </message>
    <message>
        <source>Printer {name} did not say whether it can print.</source>
        <translation>A impressora {name} não disse se pode imprimir.</translation>
    </message>
    <message>
        <source>Printer {name} is below its working temperature; labels may print faint.</source>
        <translation>A impressora {name} está abaixo da temperatura de trabalho; as etiquetas podem sair fracas.</translation>
    </message>
    <message>
        <source>Printer {name} is busy (its buffer is full); wait for it to finish.</source>
        <translation>A impressora {name} está ocupada (o buffer está cheio); aguarde até que termine.</translation>
    </message>
    <message>
        <source>Printer {name} is out of labels; load a new roll and close the head.</source>
        <translation>A impressora {name} está sem etiquetas; coloque um rolo novo e feche a cabeça de impressão.</translation>
    </message>
    <message>
        <source>Printer {name} is out of ribbon; load a new ribbon.</source>
        <translation>A impressora {name} está sem ribbon; coloque um ribbon novo.</translation>
    </message>
    <message>
        <source>Printer {name} is paused; press its pause button to resume.</source>
        <translation>A impressora {name} está em pausa; pressione o botão de pausa para continuar.</translation>
    </message>
    <message>
        <source>Printer {name} is ready.</source>
        <translation>A impressora {name} está pronta.</translation>
    </message>
    <message>
        <source>Printer {name} reports lost settings (corrupt memory); check its configuration.</source>
        <translation>A impressora {name} informa configurações perdidas (memória corrompida); verifique a configuração.</translation>
    </message>
    <message>
        <source>The CUPS printer {name} is not accepting jobs{reason}.</source>
        <translation>A impressora CUPS {name} não está aceitando trabalhos{reason}.</translation>
    </message>
    <message>
        <source>The CUPS printer {name} is stopped{reason}; start it again in the printer settings.</source>
        <translation>A impressora CUPS {name} está parada{reason}; reative-a nas configurações de impressoras.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist or cannot be written.</source>
        <translation>A pasta {folder} não existe ou não pode ser gravada.</translation>
    </message>
    <message>
        <source>The print head of printer {name} is open; close it.</source>
        <translation>A cabeça de impressão da impressora {name} está aberta; feche-a.</translation>
    </message>
    <message>
        <source>The print head of printer {name} is too hot; let it cool down.</source>
        <translation>A cabeça de impressão da impressora {name} está quente demais; deixe-a esfriar.</translation>
    </message>
    <message>
        <source>The printer address {address} is not understood; use tcp://host:9100, cups:QUEUE or file:/folder.</source>
        <translation>O endereço de impressora {address} não é compreendido; use tcp://host:9100, cups:FILA ou file:/pasta.</translation>
    </message>
    <message>
        <source>There is no CUPS printer called {name}.</source>
        <translation>Não há nenhuma impressora CUPS chamada {name}.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The label for order {order} is waiting in the print queue: {problem} It prints by itself when the printer is ready.</source>
        <translation>A etiqueta do pedido {order} está aguardando na fila de impressão: {problem} Ela será impressa sozinha quando a impressora estiver pronta.</translation>
    </message>
    <message>
        <source>The packing slip for order {order} is waiting in the print queue: {problem} It prints by itself when the printer is ready.</source>
        <translation>O romaneio do pedido {order} está aguardando na fila de impressão: {problem} Ele será impresso sozinho quando a impressora estiver pronta.</translation>
    </message>
    <message>
        <source>No label printed for order {order}: this store sells no labels, so stick on the carrier's label (address labels can be turned on in Settings → Printers).</source>
        <translation>Nenhuma etiqueta impressa para o pedido {order}: esta loja não vende etiquetas, então cole a etiqueta da transportadora (as etiquetas de endereço podem ser ativadas em Configurações → Impressoras).</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <source>The scale {name} answered with an error; check its settings.</source>
        <translation>A balança {name} respondeu com um erro; verifique a configuração dela.</translation>
    </message>
    <message>
        <source>The scale {name} cannot be opened ({detail}); check it is plugged in and that this user may use it.</source>
        <translation>Não é possível abrir a balança {name} ({detail}); verifique se está conectada e se este usuário pode usá-la.</translation>
    </message>
    <message>
        <source>The scale {name} did not answer within {seconds} seconds; check its cable and that it is switched on.</source>
        <translation>A balança {name} não respondeu em {seconds} segundos; verifique o cabo e se está ligada.</translation>
    </message>
    <message>
        <source>The scale {name} did not settle (still in motion); keep the box still on the scale.</source>
        <translation>A balança {name} não estabilizou (ainda em movimento); mantenha a caixa parada sobre a balança.</translation>
    </message>
    <message>
        <source>The scale {name} is over its capacity; the box is too heavy for it.</source>
        <translation>A balança {name} passou da capacidade; a caixa é pesada demais para ela.</translation>
    </message>
    <message>
        <source>The scale {name} needs calibrating before it can weigh.</source>
        <translation>A balança {name} precisa ser calibrada antes de pesar.</translation>
    </message>
    <message>
        <source>The scale {name} needs zeroing; take everything off and zero it.</source>
        <translation>A balança {name} precisa ser zerada; retire tudo e zere-a.</translation>
    </message>
    <message>
        <source>The scale {name} reads below zero; take everything off and zero it.</source>
        <translation>A balança {name} marca abaixo de zero; retire tudo e zere-a.</translation>
    </message>
    <message>
        <source>The scale {name} reports a fault; switch it off and on again.</source>
        <translation>A balança {name} informa uma falha; desligue-a e ligue-a novamente.</translation>
    </message>
    <message>
        <source>The scale {name} was disconnected ({detail}); plug it in again.</source>
        <translation>A balança {name} foi desconectada ({detail}); conecte-a novamente.</translation>
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
        <translation>Uma caixa pode diferir do peso esperado em até estes gramas.</translation>
    </message>
    <message>
        <source>Avery Weigh-Tronix (NCI)</source>
        <translation>Avery Weigh-Tronix (NCI)</translation>
    </message>
    <message>
        <source>Baud rate of the serial scale (8 data bits, no parity, 1 stop bit).</source>
        <translation>Velocidade em bauds da balança serial (8 bits de dados, sem paridade, 1 bit de parada).</translation>
    </message>
    <message>
        <source>Box types</source>
        <translation>Tipos de caixa</translation>
    </message>
    <message>
        <source>CAS (continuous)</source>
        <translation>CAS (contínuo)</translation>
    </message>
    <message>
        <source>In pack mode, weigh each box and compare it with the expected weight, even when the store does not ask for a weight.</source>
        <translation>No modo de embalagem, pesar cada caixa e compará-la com o peso esperado, mesmo quando a loja não pede o peso.</translation>
    </message>
    <message>
        <source>Mettler Toledo (MT-SICS)</source>
        <translation>Mettler Toledo (MT-SICS)</translation>
    </message>
    <message>
        <source>None (type weights by hand)</source>
        <translation>Nenhuma (pesos digitados à mão)</translation>
    </message>
    <message>
        <source>Printers by a name you choose, each with its address: tcp://host:9100 (a Zebra-type printer is asked for its status first), cups:QUEUE or file:/folder. The slip and label printer settings may name one of them.</source>
        <translation>Impressoras com um nome que você escolhe, cada uma com seu endereço: tcp://host:9100 (uma impressora do tipo Zebra é consultada sobre seu estado antes), cups:FILA ou file:/pasta. As impressoras de romaneios e de etiquetas podem indicar um desses nomes.</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Balança</translation>
    </message>
    <message>
        <source>Scale device</source>
        <translation>Dispositivo da balança</translation>
    </message>
    <message>
        <source>Serial protocol</source>
        <translation>Protocolo serial</translation>
    </message>
    <message>
        <source>Serial scale</source>
        <translation>Balança serial</translation>
    </message>
    <message>
        <source>Serial speed</source>
        <translation>Velocidade serial</translation>
    </message>
    <message>
        <source>The USB scale's device path or the serial port (e.g. /dev/ttyUSB0 or COM3); Detect lists what is plugged in.</source>
        <translation>O caminho do dispositivo da balança USB ou a porta serial (ex.: /dev/ttyUSB0 ou COM3); Detectar lista o que está conectado.</translation>
    </message>
    <message>
        <source>The boxes this desk packs into: inner dimensions in cm and the empty box's weight (tare) in grams; the barcode is what the packer scans to start a box of that type.</source>
        <translation>As caixas usadas nesta estação: medidas internas em cm e o peso da caixa vazia (tara) em gramas; o código de barras é o que o embalador escaneia para começar uma caixa desse tipo.</translation>
    </message>
    <message>
        <source>USB scale (HID)</source>
        <translation>Balança USB (HID)</translation>
    </message>
    <message>
        <source>Weigh every box</source>
        <translation>Pesar cada caixa</translation>
    </message>
    <message>
        <source>Weight tolerance (%)</source>
        <translation>Tolerância de peso (%)</translation>
    </message>
    <message>
        <source>Weight tolerance (g)</source>
        <translation>Tolerância de peso (g)</translation>
    </message>
    <message>
        <source>What the serial scale speaks.</source>
        <translation>O protocolo que a balança serial fala.</translation>
    </message>
    <message>
        <source>Where weights come from: typed by hand, a USB scale, or a serial scale.</source>
        <translation>De onde vêm os pesos: digitados à mão, uma balança USB ou uma balança serial.</translation>
    </message>
    <message>
        <source>…or by this percentage of the expected weight, whichever is larger.</source>
        <translation>…ou em até esta porcentagem do peso esperado, o que for maior.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>Length (cm)</source>
        <translation>Comprimento (cm)</translation>
    </message>
    <message>
        <source>Width (cm)</source>
        <translation>Largura (cm)</translation>
    </message>
    <message>
        <source>Height (cm)</source>
        <translation>Altura (cm)</translation>
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
        <translation>Transportadora das etiquetas compradas da loja quando o pedido não indica nenhuma (ex.: fedex).</translation>
    </message>
    <message>
        <source>For stores that sell no labels: print an address label marked NO POSTAGE next to the carrier's label. It is never a shipping label.</source>
        <translation>Para lojas que não vendem etiquetas: imprime uma etiqueta de endereço marcada NO POSTAGE (sem franquia) ao lado da etiqueta da transportadora. Nunca é uma etiqueta de envio.</translation>
    </message>
    <message>
        <source>Label carrier</source>
        <translation>Transportadora das etiquetas</translation>
    </message>
    <message>
        <source>Label service</source>
        <translation>Serviço das etiquetas</translation>
    </message>
    <message>
        <source>Print address labels</source>
        <translation>Imprimir etiquetas de endereço</translation>
    </message>
    <message>
        <source>Service level for labels bought from the store when the order names none (e.g. INTERNATIONAL_ECONOMY).</source>
        <translation>Nível de serviço das etiquetas compradas da loja quando o pedido não indica nenhum (ex.: INTERNATIONAL_ECONOMY).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>, not accepting jobs</source>
        <translation>, não está aceitando trabalhos</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>Ask each printer whether it can print now, and list the CUPS printers.</source>
        <translation>Perguntar a cada impressora se pode imprimir agora e listar as impressoras CUPS.</translation>
    </message>
    <message>
        <source>Asking the printers…</source>
        <translation>Consultando as impressoras…</translation>
    </message>
    <message>
        <source>Asking the scale…</source>
        <translation>Consultando a balança…</translation>
    </message>
    <message>
        <source>CUPS printers:</source>
        <translation>Impressoras CUPS:</translation>
    </message>
    <message>
        <source>Check printers</source>
        <translation>Verificar impressoras</translation>
    </message>
    <message>
        <source>Choose the scale in the list above.</source>
        <translation>Escolha a balança na lista acima.</translation>
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
        <translation>Nenhuma balança USB ou porta serial foi encontrada.</translation>
    </message>
    <message>
        <source>No printer is set up yet.</source>
        <translation>Ainda não há nenhuma impressora configurada.</translation>
    </message>
    <message>
        <source>Serial port {device} ({description})</source>
        <translation>Porta serial {device} ({description})</translation>
    </message>
    <message>
        <source>Test scale</source>
        <translation>Testar balança</translation>
    </message>
    <message>
        <source>The scale reads {weight} {unit} (stable).</source>
        <translation>A balança marca {weight} {unit} (estável).</translation>
    </message>
    <message>
        <source>The scale was asked to zero; leave it empty for a moment.</source>
        <translation>A balança foi instruída a zerar; deixe-a vazia por um momento.</translation>
    </message>
    <message>
        <source>This scale is zeroed with the key on the scale itself.</source>
        <translation>Esta balança é zerada pela tecla na própria balança.</translation>
    </message>
    <message>
        <source>USB scale: {label}</source>
        <translation>Balança USB: {label}</translation>
    </message>
    <message>
        <source>Weights are typed by hand; choose a USB or serial scale first.</source>
        <translation>Os pesos são digitados à mão; escolha primeiro uma balança USB ou serial.</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>Zerar</translation>
    </message>
    <message>
        <source>can print</source>
        <translation>pode imprimir</translation>
    </message>
    <message>
        <source>cannot print</source>
        <translation>não pode imprimir</translation>
    </message>
    <message>
        <source>did not say whether it can print</source>
        <translation>não disse se pode imprimir</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>ociosa</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>imprimindo</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>parada</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Weighed on the scale</source>
        <translation>Pesado na balança</translation>
    </message>
    <message>
        <source>Add another parcel</source>
        <translation>Adicionar outro volume</translation>
    </message>
    <message>
        <source>Enter the carrier's service level: {store} needs it to sell the label.</source>
        <translation>Informe o nível de serviço da transportadora: {store} precisa dele para vender a etiqueta.</translation>
    </message>
    <message>
        <source>Enter the weight of each parcel.</source>
        <translation>Informe o peso de cada volume.</translation>
    </message>
    <message>
        <source>Parcel {n}</source>
        <translation>Volume {n}</translation>
    </message>
    <message>
        <source>The customer chose: {service}</source>
        <translation>O cliente escolheu: {service}</translation>
    </message>
    <message>
        <source>The parcels hold {packed} of {sku} but {count} ship: move the units so the boxes hold what ships.</source>
        <translation>Os volumes contêm {packed} de {sku} mas são enviados {count}: mova as unidades para que as caixas contenham o que é enviado.</translation>
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
        <translation>{difference} mais pesado que o esperado ({measured} na balança, {expected} esperado): um item a mais?</translation>
    </message>
    <message>
        <source>Lighter by {difference} than expected ({measured} on the scale, {expected} expected): a missing item?</source>
        <translation>{difference} mais leve que o esperado ({measured} na balança, {expected} esperado): falta um item?</translation>
    </message>
    <message>
        <source>No USB scale is plugged in; plug it in, or choose another scale in Settings → Scale.</source>
        <translation>Nenhuma balança USB está conectada; conecte-a ou escolha outra balança em Configurações → Balança.</translation>
    </message>
    <message>
        <source>No serial port is chosen for the scale; choose one in Settings → Scale.</source>
        <translation>Nenhuma porta serial foi escolhida para a balança; escolha uma em Configurações → Balança.</translation>
    </message>
    <message>
        <source>Weight {measured} matches the expected {expected}.</source>
        <translation>O peso {measured} confere com o esperado, {expected}.</translation>
    </message>
    <message>
        <source>Weight {measured} taken; it cannot be checked because {item} has no weight in the store.</source>
        <translation>Peso {measured} registrado; não pode ser conferido porque {item} não tem peso na loja.</translation>
    </message>
</context>
<context>
    <name>StoreFiles</name>
    <message>
        <source>The disk holding {folder} is full, so this was not saved. Free some space and try again; everything queued before is kept.</source>
        <translation>O disco que contém {folder} está cheio, então isto não foi salvo. Libere espaço e tente de novo; tudo o que já estava na fila foi mantido.</translation>
    </message>
    <message>
        <source>The order cache was damaged ({problem}), so it was kept as {kept} and is filled again from the store at the next sync.</source>
        <translation>O cache de pedidos estava danificado ({problem}), então foi guardado como {kept} e é preenchido de novo a partir da loja na próxima sincronização.</translation>
    </message>
    <message>
        <source>The print queue was damaged ({problem}); it was kept as {kept}. Print again any slip or label that did not come out.</source>
        <translation>A fila de impressão estava danificada ({problem}); foi guardada como {kept}. Imprima de novo as guias ou etiquetas que não saíram.</translation>
    </message>
    <message>
        <source>The saved scan progress was damaged ({problem}); it was kept as {kept}. Scan again the items of any order you were packing.</source>
        <translation>O progresso de leitura salvo estava danificado ({problem}); foi guardado como {kept}. Leia de novo os itens dos pedidos que você estava embalando.</translation>
    </message>
</context>
<context>
    <name>OutboxRecovery</name>
    <message>
        <source>The outbox file was damaged ({problem}), so it was kept as {kept} and {recovered} waiting actions were recovered from it; {lost} could not be read, so check these orders on the store: {orders}.</source>
        <translation>O arquivo da fila de envios estava danificado ({problem}), então foi guardado como {kept} e {recovered} ações pendentes foram recuperadas; {lost} não puderam ser lidas, então confira estes pedidos na loja: {orders}.</translation>
    </message>
    <message>
        <source>The outbox file was damaged ({problem}), so it was kept as {kept} and all {recovered} waiting actions were recovered from it.</source>
        <translation>O arquivo da fila de envios estava danificado ({problem}), então foi guardado como {kept} e todas as {recovered} ações pendentes foram recuperadas.</translation>
    </message>
    <message>
        <source>The outbox file was found empty although it held the queue before; it was kept as {kept}. Check on the store the orders shipped at this desk since {since}.</source>
        <translation>O arquivo da fila de envios foi encontrado vazio, embora antes guardasse a fila; foi guardado como {kept}. Confira na loja os pedidos enviados deste posto desde {since}.</translation>
    </message>
    <message>
        <source>The outbox file is missing although it held the queue before, so a new one was started. Check on the store the orders shipped at this desk since {since}.</source>
        <translation>O arquivo da fila de envios sumiu, embora antes guardasse a fila, então um novo foi iniciado. Confira na loja os pedidos enviados deste posto desde {since}.</translation>
    </message>
    <message>
        <source>The outbox file {path} is damaged ({problem}) and cannot be set aside ({error}); nothing was changed. Copy it for support before changing anything.</source>
        <translation>O arquivo da fila de envios {path} está danificado ({problem}) e não pode ser posto de lado ({error}); nada foi alterado. Copie-o para o suporte antes de alterar qualquer coisa.</translation>
    </message>
    <message>
        <source>The outbox file {path} cannot be written (it is read-only). Nothing was changed; make it writable and start again.</source>
        <translation>Não é possível gravar no arquivo da fila de envios {path} (ele é somente leitura). Nada foi alterado; permita a gravação e comece de novo.</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>Fulfillment Station is already running on this computer with the data folder {folder} (process {pid}). Use that window, or close it first.</source>
        <translation>O Fulfillment Station já está em execução neste computador com a pasta de dados {folder} (processo {pid}). Use aquela janela ou feche-a primeiro.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be used ({error}); check that it exists and that this account may write to it.</source>
        <translation>A pasta de dados {folder} não pode ser usada ({error}); verifique se ela existe e se esta conta pode gravar nela.</translation>
    </message>
</context>
<context>
    <name>BulkShipCsv</name>
    <message>
        <source>Row {n}: {problem}</source>
        <translation>Linha {n}: {problem}</translation>
    </message>
    <message>
        <source>expected order number, carrier, tracking number.</source>
        <translation>esperava-se número do pedido, transportadora e código de rastreio.</translation>
    </message>
    <message>
        <source>order {number} is not one of the selected orders.</source>
        <translation>o pedido {number} não é um dos pedidos selecionados.</translation>
    </message>
    <message>
        <source>order {number} has no line {line}.</source>
        <translation>o pedido {number} não tem a linha {line}.</translation>
    </message>
    <message>
        <source>{part} is not a quantity between 1 and {n}.</source>
        <translation>{part} não é uma quantidade entre 1 e {n}.</translation>
    </message>
    <message>
        <source>the {column} holds a control character; type it again.</source>
        <translation>o campo "{column}" contém um caractere de controle; digite-o de novo.</translation>
    </message>
    <message>
        <source>the {column} starts with {sign}, which a spreadsheet would run as a formula.</source>
        <translation>o campo "{column}" começa com {sign}, que uma planilha executaria como fórmula.</translation>
    </message>
    <message>
        <source>the {column} is longer than {n} characters.</source>
        <translation>o campo "{column}" tem mais de {n} caracteres.</translation>
    </message>
    <message>
        <source>the row is longer than {n} characters.</source>
        <translation>a linha tem mais de {n} caracteres.</translation>
    </message>
    <message>
        <source>the row cannot be read as CSV.</source>
        <translation>a linha não pode ser lida como CSV.</translation>
    </message>
    <message>
        <source>The file is too large to be a list of tracking numbers.</source>
        <translation>O arquivo é grande demais para ser uma lista de códigos de rastreio.</translation>
    </message>
    <message>
        <source>Only the first {n} rows were read.</source>
        <translation>Só as primeiras {n} linhas foram lidas.</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>transportadora</translation>
    </message>
    <message>
        <source>tracking number</source>
        <translation>código de rastreio</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>número do pedido</translation>
    </message>
    <message>
        <source>line list</source>
        <translation>lista de linhas</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>The settings file cannot be read ({error}); the defaults are used.</source>
        <translation>Não é possível ler o arquivo de configurações ({error}); os valores padrão são usados.</translation>
    </message>
    <message>
        <source>The settings file could not be read ({error}); it was copied to {backup} and the defaults are used.</source>
        <translation>Não foi possível ler o arquivo de configurações ({error}); ele foi copiado para {backup} e os valores padrão são usados.</translation>
    </message>
    <message>
        <source>The settings entry {key} is nested too deeply and was ignored; the other settings and connections were read.</source>
        <translation>A entrada de configuração {key} está aninhada fundo demais e foi ignorada; as demais configurações e conexões foram lidas.</translation>
    </message>
</context>
<context>
    <name>Boxes</name>
    <message>
        <source>There is no box to ship.</source>
        <translation>Não há nenhuma caixa para enviar.</translation>
    </message>
    <message>
        <source>Box {number} is empty; take it away or pack an item into it.</source>
        <translation>A caixa {number} está vazia; retire-a ou coloque um item nela.</translation>
    </message>
    <message>
        <source>Box {number} has no tracking number; scan its label.</source>
        <translation>A caixa {number} não tem número de rastreamento; escaneie a etiqueta dela.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Order {order} has no label bought from the store yet; ship it to buy one.</source>
        <translation>O pedido {order} ainda não tem etiqueta comprada da loja; envie-o para comprá-la.</translation>
    </message>
</context>
<context>
    <name>CreateOrderDialog</name>
    <message>
        <source>Customer id</source>
        <translation>ID do cliente</translation>
    </message>
    <message>
        <source>required by {store}</source>
        <translation>obrigatório para {store}</translation>
    </message>
    <message>
        <source>Creating the order…</source>
        <translation>Criando o pedido…</translation>
    </message>
    <message>
        <source>Enter the customer id: {store} needs it to create the order.</source>
        <translation>Informe o ID do cliente: {store} precisa dele para criar o pedido.</translation>
    </message>
    <message>
        <source>Line {n} needs its unit price: {store} records the order at the prices sent.</source>
        <translation>A linha {n} precisa do preço unitário: {store} registra o pedido pelos preços enviados.</translation>
    </message>
    <message>
        <source>The order was not created: {error}</source>
        <translation>O pedido não foi criado: {error}</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referência</translation>
    </message>
    <message>
        <source>Sales channel</source>
        <translation>Canal de venda</translation>
    </message>
    <message>
        <source>optional, e.g. the order number elsewhere</source>
        <translation>opcional, ex.: o número do pedido em outro sistema</translation>
    </message>
    <message>
        <source>optional, e.g. Replacement</source>
        <translation>opcional, ex.: Reposição</translation>
    </message>
</context>
<context>
    <name>NewLinesModel</name>
    <message>
        <source>Unit price</source>
        <translation>Preço unitário</translation>
    </message>
</context>
<context>
    <name>ChannelSyncDialog</name>
    <message>
        <source>Channel sync</source>
        <translation>Sincronização de canais</translation>
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
        <translation>Novos</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Atualizados</translation>
    </message>
    <message>
        <source>Start channel sync</source>
        <translation>Iniciar sincronização</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>Por canal</translation>
    </message>
    <message>
        <source>The store did not answer: {error}</source>
        <translation>A loja não respondeu: {error}</translation>
    </message>
    <message>
        <source>No channel sync has run yet.</source>
        <translation>Nenhuma sincronização de canais foi feita ainda.</translation>
    </message>
    <message>
        <source>Last channel sync completed.</source>
        <translation>A última sincronização de canais terminou.</translation>
    </message>
    <message>
        <source>Channel sync {status}.</source>
        <translation>Sincronização de canais: {status}.</translation>
    </message>
    <message>
        <source>Channel sync running…</source>
        <translation>Sincronização de canais em andamento…</translation>
    </message>
    <message>
        <source>Started {started} · finished {finished}</source>
        <translation>Iniciada {started} · concluída {finished}</translation>
    </message>
    <message>
        <source>Next scheduled sync: {when}</source>
        <translation>Próxima sincronização agendada: {when}</translation>
    </message>
</context>
<context>
    <name>NewOrders</name>
    <message>
        <source>The store has not answered yet; the new order waits in the outbox and is sent once the store can be reached.</source>
        <translation>A loja ainda não respondeu; o novo pedido aguarda na caixa de saída e é enviado quando a loja puder ser contatada.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
</context>
<context>
    <name>LiveSettings</name>
    <message>
        <source>The station name is used in the audit log from the next start (the outbox of the open connection keeps the name it opened with).</source>
        <translation>O nome da estação é usado no registro de auditoria a partir da próxima inicialização (a caixa de saída da conexão aberta mantém o nome com que foi aberta).</translation>
    </message>
    <message>
        <source>The language changes at the next start (every window is rebuilt).</source>
        <translation>O idioma muda na próxima inicialização (todas as janelas são reconstruídas).</translation>
    </message>
</context>
<context>
    <name>PackModeView</name>
    <message>
        <source>Put the box on the scale: the weight is taken when it is steady.</source>
        <translation>Coloque a caixa na balança: o peso é lido quando estiver estável.</translation>
    </message>
    <message>
        <source>{message} Check the box and put it on the scale again, or F2 to ship it anyway (this is recorded).</source>
        <translation>{message} Confira a caixa e coloque-a de novo na balança, ou F2 para enviá-la assim mesmo (fica registrado).</translation>
    </message>
    <message>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <source>The box has not been weighed yet: put it on the scale (F10 goes back to packing).</source>
        <translation>A caixa ainda não foi pesada: coloque-a na balança (F10 volta para a embalagem).</translation>
    </message>
    <message>
        <source>Shipped despite the weight; your decision is recorded.</source>
        <translation>Enviado apesar do peso; sua decisão fica registrada.</translation>
    </message>
    <message>
        <source>Put box {number} of {count} on the scale: the weight is taken when it is steady.</source>
        <translation>Coloque a caixa {number} de {count} na balança: o peso é lido quando estiver estável.</translation>
    </message>
    <message>
        <source>Box {number}: {message} Now put box {next} on the scale.</source>
        <translation>Caixa {number}: {message} Agora coloque a caixa {next} na balança.</translation>
    </message>
    <message>
        <source>Box {number} started: scan the items for it.</source>
        <translation>Caixa {number} iniciada: escaneie os itens dela.</translation>
    </message>
    <message>
        <source>Box {number} ({box}) started: scan the items for it.</source>
        <translation>Caixa {number} ({box}) iniciada: escaneie os itens dela.</translation>
    </message>
    <message>
        <source>Scan the label of box {number} of {count} (F2: ship the boxes as one shipment without a tracking number).</source>
        <translation>Escaneie a etiqueta da caixa {number} de {count} (F2: enviar as caixas como uma única remessa sem código de rastreio).</translation>
    </message>
    <message>
        <source>That is the label of box {other}: scan the label of box {number} of {count}.</source>
        <translation>Essa é a etiqueta da caixa {other}: escaneie a etiqueta da caixa {number} de {count}.</translation>
    </message>
    <message>
        <source>{message} Scan the label of box {number} of {count}.</source>
        <translation>{message} Escaneie a etiqueta da caixa {number} de {count}.</translation>
    </message>
    <message>
        <source>Box {number} has its label. Scan the label of box {next} of {count}.</source>
        <translation>A caixa {number} tem sua etiqueta. Escaneie a etiqueta da caixa {next} de {count}.</translation>
    </message>
    <message>
        <source>Box {number} started: scan the items for it. This store takes one shipment per order: the boxes go as one shipment, listed on the packing slip.</source>
        <translation>Caixa {number} iniciada: escaneie os itens dela. Esta loja aceita uma única remessa por pedido: as caixas vão como uma só remessa, listadas no romaneio.</translation>
    </message>
    <message>
        <source>Box {number} ({box}) started: scan the items for it. This store takes one shipment per order: the boxes go as one shipment, listed on the packing slip.</source>
        <translation>Caixa {number} ({box}) iniciada: escaneie os itens dela. Esta loja aceita uma única remessa por pedido: as caixas vão como uma só remessa, listadas no romaneio.</translation>
    </message>
    <message>
        <source> · box {number}{kind}</source>
        <translation> · caixa {number}{kind}</translation>
    </message>
    <message>
        <source>Box {number}: {units} units</source>
        <translation>Caixa {number}: {units} unidades</translation>
    </message>
    <message>
        <source>Scale: {weight} (steady)</source>
        <translation>Balança: {weight} (estável)</translation>
    </message>
    <message>
        <source>Scale: {weight} (moving)</source>
        <translation>Balança: {weight} (em movimento)</translation>
    </message>
    <message>
        <source>Scale: {problem}</source>
        <translation>Balança: {problem}</translation>
    </message>
</context>
<context>
    <name>LiveSettings</name>
    <message>
        <source>The open window keeps its language until it is opened again or the app restarts (it could not be rebuilt now).</source>
        <translation>A janela aberta mantém o idioma até ser aberta de novo ou o aplicativo reiniciar (não foi possível reconstruí-la agora).</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Same as the app</source>
        <translation>Igual ao aplicativo</translation>
    </message>
    <message>
        <source>Language of this store's packing slips and of the labels the app prints; by default the language of the app.</source>
        <translation>Idioma dos romaneios desta loja e das etiquetas que o aplicativo imprime; por padrão, o idioma do aplicativo.</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>Idioma dos documentos</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Empty: PDF files in the training folder (below)</source>
        <translation>Vazio: arquivos PDF na pasta de treinamento (abaixo)</translation>
    </message>
    <message>
        <source>Choose a printer, or type tcp://host:9100, cups:QUEUE or file:/folder</source>
        <translation>Escolha uma impressora, ou digite tcp://host:9100, cups:FILA ou file:/pasta</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>Imprimir uma página de teste</translation>
    </message>
    <message>
        <source>Print a sample packing slip on the slip printer chosen above.</source>
        <translation>Imprime um romaneio de exemplo na impressora de romaneios escolhida acima.</translation>
    </message>
    <message>
        <source>Print a test label</source>
        <translation>Imprimir uma etiqueta de teste</translation>
    </message>
    <message>
        <source>Print a sample 4×6 label on the label printer chosen above.</source>
        <translation>Imprime uma etiqueta de exemplo 4×6 na impressora de etiquetas escolhida acima.</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>Imprimindo uma página de teste…</translation>
    </message>
    <message>
        <source>The test page was not printed: {reason}</source>
        <translation>A página de teste não foi impressa: {reason}</translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <source>The test page went to {printer}; check that it came out whole.</source>
        <translation>A página de teste foi enviada para {printer}; confira se saiu inteira.</translation>
    </message>
    <message>
        <source>The test page was not printed: {reason}</source>
        <translation>A página de teste não foi impressa: {reason}</translation>
    </message>
</context>
<context>
    <name>TrainingPrinter</name>
    <message>
        <source>Training: what you print is saved as PDF files in {folder}</source>
        <translation>Treinamento: o que você imprimir é salvo como arquivos PDF em {folder}</translation>
    </message>
    <message>
        <source>Training printer: {folder}</source>
        <translation>Impressora de treinamento: {folder}</translation>
    </message>
</context>
</TS>
