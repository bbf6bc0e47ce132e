using System.Collections.ObjectModel;
using static BuyerMessaging.BuyerMessageType;

namespace BuyerMessaging;

/// <summary>
/// The known wordings of Amazon buyer-seller relay mail, per language, and Amazon's notification types.
/// </summary>
/// <remarks>
/// The markers and boilerplate come from public evidence of real relay mail (see the package README); subject forms
/// and keywords marked "unverified" in the source are plausible wordings that have not been seen in real mail. All of
/// it is data: add an <see cref="AmazonRelayFormat"/> to <see cref="MimeParsingOptions.RelayFormats"/> to extend it.
/// </remarks>
public static class AmazonRelayFormats
{
    /// <summary>Gets the English format (US, UK, CA, IN, AU, SG) and the newer "Message:" template.</summary>
    public static AmazonRelayFormat English { get; } = new()
    {
        Name = "en",
        Language = "en",
        BeginMarkers = ["Begin message", "Message:"],
        EndMarkers = ["End message"],
        PreambleStarts = ["You have received a message."],
        SellerCopyStarts = ["Here is a copy of the e-mail that you sent to", "Here is a copy of the email that you sent to"],
        BoilerplateStarts =
        [
            "For Your Information:",
            "We want you to buy with confidence",
            "Learn more about Safe Online Shopping",
            "If you believe this message is suspicious",
            "To mark this message as no response needed",
            "Was this email helpful?",
            "Was this e-mail helpful?",
            "Resolve case",
            "SPC-EUAmazon-",
        ],
        DisplayNameSuffixes = ["- Amazon Marketplace", "- Marketplace Amazon", "- Amazon Payments"],
        AnonymousBuyerNames = ["Amazon Buyer", "Amazon Customer", "Amazon Marketplace", "Amazon Business EU SARL", "Amazon Business"],
        SubjectBuyerNamePatterns = [@"from Amazon customer\s+(?<name>[^()\r\n]+?)\s*(?:\(|$)"],
        SubjectKeywords = Keywords(
            K(AtoZClaim, "a-to-z*", "a-z guarantee", "a-to-z guarantee claim"),
            K(DamagedOrDefective, "damaged", "defective"),
            K(WrongItem, "wrong item"),
            K(ReturnRequest, "return request", "return inquiry", "returns inquiry", "return authorization"),
            K(Refund, "refund*"),
            K(Cancellation, "cancellation request", "cancel*"),
            K(AddressChange, "address change", "change of address"),
            K(Invoice, "invoice*"),
            K(ShippingInquiry, "shipping inquiry", "delivery inquiry", "shipment inquiry"),
            K(ProductCustomization, "product customization", "customization request"),
            K(ProductDetails, "product details inquiry", "product details"),
            K(OrderInformation, "order information inquiry", "order information")),
        BodyKeywords = Keywords(
            K(DamagedOrDefective, "damage*", "broken", "defect*", "faulty", "crack*", "chipped", "dented", "shattered", "snapped",
                "scratched", "doesn't work",
                "does not work", "not working", "stopped working", "dead on arrival", "malfunction*"),
            K(WrongItem, "wrong item", "wrong product", "wrong size", "wrong colo*", "wrong model", "not what i ordered",
                "different item", "different product", "incorrect item", "sent me the wrong", "received the wrong"),
            K(ReturnRequest, "return*", "send it back", "send back"),
            K(Refund, "refund*", "money back", "reimburse*"),
            K(Cancellation, "cancel*"),
            K(AddressChange, "change my address", "change the address", "change the shipping address",
                "change my shipping address", "change the delivery address", "change my delivery address", "update my address",
                "update the address", "update the shipping address", "update my shipping address", "correct the address",
                "wrong address", "new address", "address change", "change of address"),
            K(Invoice, "invoice*", "receipt", "vat"),
            K(ShippingInquiry, "where is my", "not arrived", "hasn't arrived", "has not arrived", "not received",
                "haven't received", "have not received", "didn't receive", "did not receive", "not yet received",
                "tracking", "deliver*", "ship*", "package", "parcel", "arrive*"),
            K(ProductCustomization, "personali*", "customi*", "engrav*", "monogram*"),
            K(ProductDetails, "compatible", "compatibility", "dimension*", "specification*", "in stock", "does it fit",
                "what size", "material"),
            K(OrderInformation, "order status", "order details", "status of my order")),
    };

    /// <summary>Gets the bilingual English/French form of amazon.ca (markers with both languages on one line).</summary>
    public static AmazonRelayFormat CanadianBilingual { get; } = new()
    {
        Name = "en-fr-CA",
        BeginMarkers = ["Begin message / Début du message"],
        EndMarkers = ["End message / Fin du message"],
    };

    /// <summary>Gets the German format (DE).</summary>
    public static AmazonRelayFormat German { get; } = new()
    {
        Name = "de",
        Language = "de",
        BeginMarkers = ["Anfang der Nachricht"],
        EndMarkers = ["Ende der Nachricht"],
        PreambleStarts = ["Sie haben eine Nachricht erhalten."], // unverified
        BoilerplateStarts =
        [
            "Wichtiger Hinweis:",
            "Wir möchten, dass Sie stets mit Vertrauen einkaufen",
            "Wenn Sie glauben, dass diese Nachricht ein Betrugsversuch",
            "Um anzugeben, dass für diese Nachricht keine Antwort erforderlich ist",
        ],
        DisplayNameSuffixes = ["- Amazon Marketplace", "- Amazon Payments"],
        AnonymousBuyerNames = ["Amazon-Kunde", "Amazon Kunde"],
        SubjectBuyerNamePatterns = [@"von Amazon-Kunde\s+(?<name>[^()\r\n]+?)\s*(?:\(|$)"],
        SubjectKeywords = Keywords(
            K(AtoZClaim, "a-bis-z*", "a-z-garantie"),
            K(DamagedOrDefective, "beschädigt", "defekt*"),
            K(WrongItem, "falscher artikel", "falsche artikel"),
            K(ReturnRequest, "rücksendung*", "rücksendeanfrage", "rückgabe*"),
            K(Refund, "erstattung*", "rückerstattung*", "gutschrift*"),
            K(Cancellation, "stornierung*", "storno*"),
            K(AddressChange, "adressänderung"),
            K(Invoice, "rechnung*"),
            K(ShippingInquiry, "versandanfrage", "versand*", "lieferung*", "nicht angekommen"),
            K(ProductDetails, "produktdetails", "artikeldetails"),
            K(OrderInformation, "bestellinformation*")),
        BodyKeywords = Keywords(
            K(DamagedOrDefective, "beschädigt*", "defekt*", "kaputt*", "funktioniert nicht", "zerbrochen", "gebrochen", "delle*",
                "gesprungen", "zerkratzt"),
            K(WrongItem, "falscher artikel", "falsche artikel", "falsches produkt", "falsche ware", "falsche größe",
                "falsche farbe", "nicht bestellt"),
            K(ReturnRequest, "rücksendung*", "zurücksenden", "zurückschicken", "rückgabe*", "retoure*"),
            K(Refund, "erstattung*", "rückerstattung*", "geld zurück", "gutschrift*"),
            K(Cancellation, "stornier*", "storno*"),
            K(AddressChange, "adresse ändern", "lieferadresse*", "adressänderung", "falsche adresse", "neue adresse", "hausnummer"),
            K(Invoice, "rechnung*"),
            K(ShippingInquiry, "nicht angekommen", "nicht erhalten", "noch nicht da", "sendungsverfolgung", "sendungsnummer",
                "lieferung*", "versand*", "versendet", "zugestellt", "paket*"),
            K(ProductCustomization, "personalisier*", "gravur*"),
            K(ProductDetails, "kompatibel", "abmessung*", "maße", "auf lager")),
    };

    /// <summary>Gets the French format (FR, BE, French-speaking CA).</summary>
    public static AmazonRelayFormat French { get; } = new()
    {
        Name = "fr",
        Language = "fr",

        // "DÃ©but du message" is the UTF-8 marker read as Latin-1, seen in the wild.
        BeginMarkers = ["Début du message", "DÃ©but du message"],
        EndMarkers = ["Fin du message"],
        PreambleStarts = ["Vous avez reçu un message."], // unverified
        BoilerplateStarts =
        [
            "Important :",
            "Faites vos achats sur Amazon",
            "Si vous trouvez ce message suspicieux",
            "Pour marquer ce message comme ne nécessitant pas de réponse",
        ],
        DisplayNameSuffixes = ["- Marketplace d'Amazon.fr", "- Marketplace d’Amazon.fr", "- Marketplace Amazon"],
        AnonymousBuyerNames = ["Client Amazon", "Acheteur Amazon"],
        SubjectBuyerNamePatterns = [@"de la part du client Amazon\s+(?<name>[^()\r\n]+?)\s*(?:\(|$)"],
        SubjectKeywords = Keywords(
            K(AtoZClaim, "garantie a a z", "garantie a-z"),
            K(DamagedOrDefective, "endommagé*", "défectueux"),
            K(WrongItem, "mauvais article"),
            K(ReturnRequest, "demande de retour", "retour*"),
            K(Refund, "rembours*"),
            K(Cancellation, "annulation*"),
            K(AddressChange, "changement d'adresse"),
            K(Invoice, "facture*"),
            K(ShippingInquiry, "livraison*", "expédition*"),
            K(ProductDetails, "détails du produit", "details sur le produit"),
            K(OrderInformation, "informations sur la commande")),
        BodyKeywords = Keywords(
            K(DamagedOrDefective, "endommagé*", "cassé*", "défectueu*", "abîmé*", "ne fonctionne pas", "ne marche pas"),
            K(WrongItem, "mauvais article", "mauvais produit", "article erroné", "pas le bon", "mauvaise taille",
                "mauvaise couleur"),
            K(ReturnRequest, "retour*", "retourner", "renvoyer"),
            K(Refund, "rembours*"),
            K(Cancellation, "annul*"),
            K(AddressChange, "changer l'adresse", "changer mon adresse", "changement d'adresse", "modifier l'adresse",
                "modifier mon adresse", "mauvaise adresse"),
            K(Invoice, "facture*"),
            K(ShippingInquiry, "pas reçu", "pas arrivé", "toujours pas", "suivi", "livraison*", "livré*", "expédi*", "colis"),
            K(ProductCustomization, "personnalis*", "gravure*"),
            K(ProductDetails, "compatible", "dimensions", "en stock")),
    };

    /// <summary>Gets the Italian format (IT).</summary>
    public static AmazonRelayFormat Italian { get; } = new()
    {
        Name = "it",
        Language = "it",
        BeginMarkers = ["Inizio messaggio"],
        EndMarkers = ["Fine messaggio"],
        PreambleStarts = ["Hai ricevuto un messaggio."], // unverified
        BoilerplateStarts =
        [
            "Nota informativa:",
            "Se questo messaggio ti sembra sospetto",
            "Per contrassegnare che questo messaggio non richiede una risposta",
        ],
        DisplayNameSuffixes = ["- Marketplace Amazon", "- Amazon Marketplace"],
        AnonymousBuyerNames = ["Cliente Amazon"],
        SubjectBuyerNamePatterns = [@"dal cliente Amazon\s+(?<name>[^()\r\n]+?)\s*(?:\(|$)"], // unverified
        SubjectKeywords = Keywords(
            K(AtoZClaim, "garanzia dalla a alla z"),
            K(DamagedOrDefective, "danneggiat*", "difettos*"),
            K(WrongItem, "articolo sbagliato"),
            K(ReturnRequest, "reso", "resi", "restituzione"),
            K(Refund, "rimbors*"),
            K(Cancellation, "annullamento", "cancellazione"),
            K(Invoice, "fattura*"),
            K(ShippingInquiry, "spedizione", "consegna"),
            K(ProductDetails, "dettagli del prodotto", "dettagli prodotto"),
            K(OrderInformation, "informazioni sull'ordine")),
        BodyKeywords = Keywords(
            K(DamagedOrDefective, "danneggiat*", "rotto", "rotta", "rotti", "difettos*", "non funziona"),
            K(WrongItem, "articolo sbagliato", "prodotto sbagliato", "articolo errato", "prodotto errato", "taglia sbagliata",
                "colore sbagliato"),
            K(ReturnRequest, "reso", "restituire", "restituzione", "rimandare indietro"),
            K(Refund, "rimbors*"),
            K(Cancellation, "annull*", "cancellare"),
            K(AddressChange, "cambiare indirizzo", "cambiare l'indirizzo", "modificare l'indirizzo", "indirizzo sbagliato"),
            K(Invoice, "fattura*"),
            K(ShippingInquiry, "non è arrivato", "non e arrivato", "non ho ricevuto", "tracciamento", "tracking", "spedizione",
                "spedito", "consegna*", "consegnato", "pacco"),
            K(ProductCustomization, "personalizza*", "incisione"),
            K(ProductDetails, "compatibile", "dimensioni", "disponibile")),
    };

    /// <summary>Gets the Spanish format (ES, MX).</summary>
    public static AmazonRelayFormat Spanish { get; } = new()
    {
        Name = "es",
        Language = "es",
        BeginMarkers = ["Iniciar mensaje"],
        EndMarkers = ["Finalizar mensaje"],
        PreambleStarts = ["Ha recibido un mensaje.", "Has recibido un mensaje."],
        BoilerplateStarts =
        [
            "Nota informativa:",
            "Si desconfías del contenido de este mensaje",
            "Para marcar este mensaje e indicar que no requiere respuesta",
        ],
        DisplayNameSuffixes = ["- Amazon Marketplace", "- Marketplace Amazon"],
        AnonymousBuyerNames = ["Cliente Amazon", "Cliente de Amazon", "Comprador de Amazon"],
        SubjectBuyerNamePatterns = [@"del cliente de Amazon\s+(?<name>[^()\r\n]+?)\s*(?:\(|$)"], // unverified
        SubjectKeywords = Keywords(
            K(AtoZClaim, "garantia de la a a la z"),
            K(DamagedOrDefective, "dañado", "defectuoso"),
            K(WrongItem, "artículo equivocado", "artículo incorrecto"),
            K(ReturnRequest, "devolución", "autorizacion de devolucion"),
            K(Refund, "reembolso*"),
            K(Cancellation, "cancelación", "solicitud de cancelacion"),
            K(AddressChange, "cambio de dirección"),
            K(Invoice, "factura*"),
            K(ShippingInquiry, "envío", "entrega"),
            K(ProductDetails, "detalles del producto"),
            K(OrderInformation, "información del pedido")),
        BodyKeywords = Keywords(
            K(DamagedOrDefective, "dañad*", "roto", "rota", "rotos", "defectuos*", "no funciona"),
            K(WrongItem, "artículo equivocado", "producto equivocado", "artículo incorrecto", "producto incorrecto",
                "talla equivocada", "color equivocado"),
            K(ReturnRequest, "devolución", "devolver", "devolverlo", "devolverla"),
            K(Refund, "reembols*"),
            K(Cancellation, "cancel*", "anular"),
            K(AddressChange, "cambiar la dirección", "cambiar mi dirección", "cambio de dirección", "dirección incorrecta"),
            K(Invoice, "factura*"),
            K(ShippingInquiry, "no ha llegado", "no me ha llegado", "no he recibido", "seguimiento", "envío", "enviado",
                "entrega", "paquete"),
            K(ProductCustomization, "personaliza*", "grabado"),
            K(ProductDetails, "compatible", "medidas", "dimensiones", "en stock")),
    };

    /// <summary>Gets the Portuguese format (BR).</summary>
    public static AmazonRelayFormat Portuguese { get; } = new()
    {
        Name = "pt",
        Language = "pt",
        BeginMarkers = ["Mensagem:", "Iniciar mensagem"],
        EndMarkers = ["Encerrar mensagem", "Fim da mensagem", "Mensagem final"],
        PreambleStarts = ["Você recebeu uma mensagem."],
        BoilerplateStarts =
        [
            "Atenciosamente, Amazon.com.br",
            "Este e-mail foi útil?",
            "Solucionar o caso",
            "Denunciar atividade questionável",
        ],
        DisplayNameSuffixes = ["- Amazon Marketplace", "- Marketplace Amazon"],
        AnonymousBuyerNames = ["Cliente Amazon", "Cliente da Amazon"],
        BodyKeywords = Keywords(
            K(DamagedOrDefective, "danificad*", "quebrad*", "defeito*", "defeituos*", "não funciona"),
            K(WrongItem, "produto errado", "item errado", "tamanho errado", "cor errada"),
            K(ReturnRequest, "devolução", "devolver"),
            K(Refund, "reembols*", "estorno"),
            K(Cancellation, "cancel*"),
            K(AddressChange, "alterar o endereço", "mudar o endereço", "endereço errado"),
            K(Invoice, "nota fiscal", "fatura"),
            K(ShippingInquiry, "não chegou", "não recebi", "rastreamento", "rastreio", "entrega", "envio", "enviado"),
            K(ProductDetails, "compatível", "dimensões", "medidas")),
    };

    /// <summary>Gets the Japanese format (JP).</summary>
    public static AmazonRelayFormat Japanese { get; } = new()
    {
        Name = "ja",
        Language = "ja",
        BeginMarkers = ["メッセージはここから"],
        EndMarkers = ["メッセージはここまで"],
        AnonymousBuyerNames = ["Amazonのお客様", "Amazon カスタマー"],
        SubjectBuyerNamePatterns = [@"のお客様\s*(?<name>[^()（）\r\n]+?)\s*様から"], // unverified
        SubjectKeywords = Keywords(
            K(AtoZClaim, "マーケットプレイス保証", "Aからz"),
            K(DamagedOrDefective, "不良品", "損傷"),
            K(WrongItem, "商品違い"),
            K(ReturnRequest, "返品"),
            K(Refund, "返金"),
            K(Cancellation, "キャンセル"),
            K(AddressChange, "住所変更", "お届け先の変更"),
            K(Invoice, "領収書", "請求書"),
            K(ShippingInquiry, "出荷と配達", "配送", "配達", "出荷"),
            K(ProductCustomization, "カスタマイズ"),
            K(ProductDetails, "商品詳細"),
            K(OrderInformation, "注文情報")),
        BodyKeywords = Keywords(
            K(DamagedOrDefective, "不良", "破損", "壊れ", "故障", "傷", "動かない", "作動しない", "割れ"),
            K(WrongItem, "商品違い", "違う商品", "間違った商品", "注文と違う", "別の商品", "色違い", "サイズ違い"),
            K(ReturnRequest, "返品"),
            K(Refund, "返金"),
            K(Cancellation, "キャンセル", "取り消し"),
            K(AddressChange, "住所変更", "住所を変更", "お届け先を変更", "お届け先の変更", "届け先を変更", "部屋番号", "番地"),
            K(Invoice, "領収書", "請求書", "インボイス"),
            K(ShippingInquiry, "届かない", "届いていない", "届きません", "届いておりません", "まだ届", "配送", "配達", "発送",
                "到着", "追跡"),
            K(ProductCustomization, "名入れ", "カスタマイズ"),
            K(ProductDetails, "対応していますか", "サイズ", "寸法", "仕様", "在庫")),
    };

    /// <summary>Gets every known format, in the order above.</summary>
    public static IReadOnlyList<AmazonRelayFormat> Default { get; } =
        new ReadOnlyCollection<AmazonRelayFormat>([English, CanadianBilingual, German, French, Italian, Spanish, Portuguese, Japanese]);

    /// <summary>
    /// Gets the message type of Amazon's <c>X-Space-Notification-Type</c> values, by value prefix: A-to-Z claims,
    /// return requests, refunds and cancellation requests.
    /// </summary>
    public static IReadOnlyDictionary<string, BuyerMessageType> NotificationTypes { get; } =
        new ReadOnlyDictionary<string, BuyerMessageType>(new Dictionary<string, BuyerMessageType>(StringComparer.OrdinalIgnoreCase)
        {
            ["A_Z_"] = AtoZClaim,
            ["RETURN_REQUEST"] = ReturnRequest,
            ["REFUND"] = Refund,
            ["BRC_SELLER_NOTIFICATION"] = Cancellation,
        });

    private static KeyValuePair<BuyerMessageType, IReadOnlyList<string>> K(BuyerMessageType type, params string[] words) =>
        new(type, Array.AsReadOnly(words));

    private static ReadOnlyDictionary<BuyerMessageType, IReadOnlyList<string>> Keywords(
        params KeyValuePair<BuyerMessageType, IReadOnlyList<string>>[] entries) =>
        new(new Dictionary<BuyerMessageType, IReadOnlyList<string>>(entries));
}
