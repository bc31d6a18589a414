<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The words printed on slips and the app's own labels, for stores whose documents are in
     German (a connection's document language). The UI itself is not translated to German. -->
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Document</name>
    <message>
        <source>Boxes</source>
        <translation>Kartons</translation>
    </message>
    <message>
        <source>Box {number} of {count}</source>
        <translation>Karton {number} von {count}</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>Lieferadresse</translation>
    </message>
    <message>
        <source>Bill to</source>
        <translation>Rechnungsadresse</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>Same as shipping address</source>
        <translation>Wie Lieferadresse</translation>
    </message>
    <message>
        <source>Ordered {date}</source>
        <translation>Bestellt am {date}</translation>
    </message>
    <message>
        <source>Items: {count}</source>
        <translation>Artikel: {count}</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Strichcode</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>{count} sent</source>
        <translation>{count} versandt</translation>
    </message>
    <message>
        <source>This order has no line items.</source>
        <translation>Diese Bestellung hat keine Positionen.</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Versand</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anmerkungen</translation>
    </message>
    <message>
        <source>Gift message</source>
        <translation>Geschenknachricht</translation>
    </message>
    <message>
        <source>(order number cannot be shown as a barcode)</source>
        <translation>(Bestellnummer kann nicht als Strichcode dargestellt werden)</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Bestellung {number}</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>Lieferschein</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
    </message>
    <message>
        <source>FROM:</source>
        <translation>ABSENDER:</translation>
    </message>
    <message>
        <source>SHIP TO:</source>
        <translation>EMPFÄNGER:</translation>
    </message>
    <message>
        <source>{carrier} TRACKING #</source>
        <translation>{carrier} SENDUNGSNR.</translation>
    </message>
    <message>
        <source>TRACKING #</source>
        <translation>SENDUNGSNR.</translation>
    </message>
    <message>
        <source>NO TRACKING NUMBER</source>
        <translation>KEINE SENDUNGSNUMMER</translation>
    </message>
    <message>
        <source>Shipped: {date}</source>
        <translation>Versandt: {date}</translation>
    </message>
    <message>
        <source>Printed: {date}</source>
        <translation>Gedruckt: {date}</translation>
    </message>
    <message>
        <source>Weight: {weight}</source>
        <translation>Gewicht: {weight}</translation>
    </message>
</context>
</TS>
