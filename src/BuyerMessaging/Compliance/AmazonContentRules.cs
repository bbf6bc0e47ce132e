using System.Text;

namespace BuyerMessaging;

/// <summary>
/// The default data of the content check: phrase rules in English, Japanese, German, French, Spanish, Italian, Dutch,
/// Polish, Swedish and Turkish, attachment types and link domains, drawn from Amazon's Communication Guidelines (see the
/// package README, "Amazon content check").
/// </summary>
/// <remarks>
/// Patterns are matched on folded text (lower case, NFKC; accents are kept), so they are written in lower case and
/// accept a letter with or without its accent where sellers leave it out ("[ée]toiles"; the Polish, Swedish and Turkish
/// patterns make every such letter optional). The set of hand-written replies in
/// tests/BuyerMessaging.Tests/Data/content-check measures them: <c>dotnet run -c Release --project
/// benchmarks/BuyerMessaging.Benchmarks -- content</c>.
/// </remarks>
public static class AmazonContentRules
{
    /// <summary>Gets the attachment types Buyer-Seller Messaging accepts: images, PDF, plain text and Word documents.</summary>
    public static IReadOnlyList<string> DefaultAttachmentTypes { get; } =
    [
        "image/jpeg", "image/png", "image/gif", "image/tiff", "application/pdf", "text/plain",
        "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ];

    /// <summary>Gets the carriers' tracking sites https links may point to (links needed to complete the order).</summary>
    public static IReadOnlyList<string> DefaultAllowedLinkDomains { get; } =
    [
        "ups.com", "fedex.com", "usps.com", "dhl.com", "dhl.de", "dpd.de", "dpd.com", "hermes-europe.co.uk", "myhermes.de",
        "gls-group.eu", "royalmail.com", "parcelforce.com", "canadapost-postescanada.ca", "auspost.com.au",
        "kuronekoyamato.co.jp", "sagawa-exp.co.jp", "japanpost.jp", "post.japanpost.jp", "fukutsu.co.jp", "seino.co.jp",
        "laposte.fr", "colissimo.fr", "chronopost.fr", "mondialrelay.fr", "dpd.fr", "gls-france.com", "correos.es", "seur.com",
        "mrw.es", "gls-spain.es", "nacex.es", "poste.it", "brt.it", "sda.it", "gls-italy.com", "tnt.com", "postnl.nl",
        "dhlparcel.nl", "dpd.nl", "inpost.pl", "poczta-polska.pl", "pocztex.pl", "dpd.com.pl", "postnord.se", "postnord.com",
        "bring.se", "budbee.com", "instabox.se", "yurticikargo.com", "araskargo.com.tr", "ptt.gov.tr", "mngkargo.com.tr",
        "suratkargo.com.tr",
    ];

    // Thanks for what the buyer already wrote ("merci pour votre avis positif") is not a request: what may not come just
    // before the words of a pattern (see NotAfter).
    private const string ThanksFr = @"\b(merci|remercions|remercie|remercier)\s+(beaucoup\s+|infiniment\s+|bien\s+)?(pour|de)\s+(votre|vos|ce|cet|cette|ces|l'|le|la|les)\s*([\w-]+\s+){0,2}";
    private const string ThanksEs = @"\b(gracias|agradecemos|agradezco|agradecerle)\s+(mucho\s+|muchas\s+)?(por\s+)?(su|sus|tu|tus|la|el|esta|este)\s+([\w-]+\s+){0,2}";
    private const string ThanksIt = @"\b(grazie|ringraziamo|ringrazio|ringraziarla|ringraziarvi)\s+(mille\s+|tante\s+|molte\s+)?(per|della|del|dei|delle)\s+((la|il|le|i|l')\s*)?((sua|suo|sue|vostra|vostro)\s+)?([\w-]+\s+){0,2}";

    // Thanks in Dutch, Polish and Swedish, before the words they thank for; a Turkish thanks follows them ("yorumunuz için
    // teşekkür ederiz"), so NotBeforeThanksTr is a look-ahead put after the words.
    private const string ThanksNl = @"\b(bedankt|dank\s+(je|u)(\s+wel)?|hartelijk\s+dank|veel\s+dank|dank)\s+(voor\s+)(uw|je|jouw|de|het|die|deze)\s+([\w-]+\s+){0,2}";
    private const string ThanksPl = @"\b(dziękuj\w*|dzięki|podziękowania)\s+(bardzo\s+|serdecznie\s+)?za\s+((pana|pani|państwa|twoją|twoja|twój|waszą|tę|tą|ten|to)\s+)?([\w-]+\s+){0,2}";
    private const string ThanksSv = @"\b(tack|tackar)\s+(så\s+mycket\s+|verkligen\s+)?för\s+((ditt|din|dina|era|ert|er|det|den|de)\s+([\w-]+\s+){0,2}|att\s+du\s+(har\s+)?)";
    private const string NotBeforeThanksTr = @"(?!\w*\s+([\w']+\s+)?için\s+(çok\s+)?(teşekkür|sağ\s?ol))";

    // Amazon asking the buyer for a review (Request a Review, its own e-mails) is not the seller asking.
    private const string AmazonAsks = @"\bamazon\b[^.!?\n]{0,40}";

    // The nouns of a review in each language, singular and plural, accents optional.
    private const string ReviewFr = @"(avis|[ée]valuations?|commentaires?|critiques?)";
    private const string ReviewEs = @"(valoraci[oó]n|valoraciones|rese[ñn]as?|opini[oó]n|opiniones|calificaci[oó]n|calificaciones|puntuaci[oó]n|comentarios?)";
    private const string ReviewIt = @"(recension[ei]|valutazion[ei]|feedback|giudizi?o?|commenti|commento|vot[oi])";

    private const string ReviewNl = @"(beoordeling(en)?|reviews?|recensies?|feedback|waardering(en)?)";
    private const string ReviewPl = @"(opini[aeiąę]|ocen[aeyiąę]|recenzj[aeiąę]|komentarz[ay]?)";
    private const string ReviewSv = @"(omdöme(n|t|na)?|recension(en|er|erna)?|betyg(et)?|feedback)";
    private const string ReviewTr = @"(değerlendirme\w*|yorum\w*|puan\w*|inceleme\w*|geri\s+bildirim\w*)";

    /// <summary>Gets the phrase rules.</summary>
    public static IReadOnlyList<ContentPhraseRule> DefaultPhraseRules { get; } =
    [
        new()
        {
            Id = ContentRuleIds.PositiveReviewRequest,
            Severity = ContentSeverity.Block,
            Message = "Do not ask for a positive review, rating or feedback.",
            MessageJa = "高評価やポジティブなレビュー・評価を依頼することはできません。",
            Patterns =
            [
                @"\b(positive|good|great|excellent|glowing|favou?rable|5[- ]?stars?|five[- ]?stars?)(?<!\b(thanks?|thank you|grateful|appreciate|danke|dank|vielen dank)\s+(you\s+)?((for|für)\s+)?(your|the|ihre|die)\s+(positive|good|great|excellent|glowing|favou?rable|5[- ]?stars?|five[- ]?stars?))\s+(product\s+|seller\s+)?(reviews?|feedback|ratings?)\b",
                @"\b(rate|review)\s+(us|it|the product|our product|this product)\s+(with\s+)?(5|five)\s+stars?\b",
                @"★★★★★|☆☆☆☆☆",
                @"(高評価|星\s*5|5\s*つ星|五つ星|星5つ|最高評価|満点評価|(良い|よい|高い|いい)(評価|レビュー))(?!を?(いただき|頂き)(まして)?、?(誠に|本当に|大変)?(ありがとう|感謝))",
                @"\b(positive|gute|guten|sehr gute|5[- ]?sterne|fünf[- ]?sterne)(?<!\b(thanks?|thank you|grateful|appreciate|danke|dank|vielen dank)\s+(you\s+)?((for|für)\s+)?(your|the|ihre|die)\s+(positive|gute|guten|sehr gute|5[- ]?sterne|fünf[- ]?sterne))[a-zäöüß-]*\s+(bewertung|bewertungen|rezension|rezensionen|feedback)\b",
                @"\bmit\s+(5|fünf)\s+sternen\b",
                @"\b(give|leave|award|rate)\s+(us|it|the product|this product|our product)\s+(with\s+)?(a\s+)?(5|five|full)[- ]?stars?\b",
                @"(★|☆)\s*5|満点(の)?(評価|レビュー)",
                @"\b(5|fünf)[- ]?sterne-?(bewertung|rezension|feedback)(en)?\b",
                @"\büber\s+(5|fünf)\s+sterne\b",
                @"\bpositiv\s+(zu\s+)?bewerten\b|\bbewerten\s+sie\s+(uns|den artikel|das produkt|es)\s+(bitte\s+)?(positiv|gut)\b",
                NotAfter(ThanksFr, ReviewFr) + @"\s+(tr[eè]s\s+)?(positi(f|ve)s?|favorables?|[ée]logieu(x|se)s?|(de\s+|[àa]\s+)?(5|cinq)\s*[ée]toiles)\b",
                NotAfter(ThanksFr, @"(bons?|excellents?|tr[eè]s bons?)") + @"\s+(avis|commentaires?)\b",

                // Not "prendre bonne note" (to take note).
                NotAfter(ThanksFr + "|" + @"\bpr\w*\s+", @"(bonnes?|excellentes?|belles?|tr[eè]s bonnes?)") + @"\s+(notes?|[ée]valuations?|critiques?)\b",
                NotAfter(ThanksFr, @"(5|cinq)") + @"\s*[ée]toiles\b",
                NotAfter(ThanksFr, @"(notes?)") + @"\s+(tr[eè]s\s+)?(positives?|maximales?|maximum)\b",
                NotAfter(ThanksEs, ReviewEs) + @"\s+(muy\s+)?(positivas?|positivos?|favorables?|excelentes?|buenas?|(de\s+)?(5|cinco)\s+estrellas)\b",
                NotAfter(ThanksEs, @"(buenas?|excelentes?)") + @"\s+(valoraci[oó]n|valoraciones|rese[ñn]as?|opini[oó]n|opiniones|calificaci[oó]n|puntuaci[oó]n|nota)\b",
                NotAfter(ThanksEs, @"(5|cinco)") + @"\s+estrellas\b",
                NotAfter(ThanksIt, ReviewIt) + @"\s+(molto\s+)?(positiv[aoie]|favorevol[ei]|ottim[aoie]|(a\s+)?(5|cinque)\s+stelle)\b",
                NotAfter(ThanksIt, @"(buon[aoe]?|ottim[aoie]|bell[aoie])") + @"\s+(recension[ei]|valutazion[ei]|feedback|giudizi?o?|vot[oi])\b",
                NotAfter(ThanksIt, @"(5|cinque)") + @"\s+stelle\b",

                // Dutch, Polish, Swedish, Turkish (Turkish thanks come after the words they thank for).
                NotAfter(ThanksNl, @"(positieve?|goede|mooie|uitstekende|lovende|(5|vijf)[- ]?sterren)") + @"[\s-]*" + ReviewNl + @"\b",
                NotAfter(ThanksNl, @"(5|vijf)") + @"\s+sterren\b",
                Loose(NotAfter(ThanksPl, @"(pozytywn\w*|dobr[aąeąy]\w*|świetn\w*|bardzo\s+dobr\w*|pięciogwiazdkow\w*|5-gwiazdkow\w*)") + @"\s+" + ReviewPl + @"\b"),
                Loose(NotAfter(ThanksPl, @"(5|pięć|pięciu)") + @"\s+gwiazd\w*"),
                Loose(NotAfter(ThanksSv, @"(positiv[at]?|bra|gott|fin[at]?|högt|topp|femstjärnig[at]?|5-stjärnig[at]?)") + @"\s+" + ReviewSv + @"\b"),
                Loose(NotAfter(ThanksSv, @"(5|fem)") + @"[\s-]*stjärn\w*"),
                Loose(@"\b(olumlu|güzel|iyi|harika|mükemmel|(5|beş)\s+yıldızlı)\s+(bir\s+)?" + ReviewTr + NotBeforeThanksTr),
                Loose(@"\b(5|beş)\s+yıldız\w*" + NotBeforeThanksTr),
            ],
        },
        new()
        {
            Id = ContentRuleIds.ReviewChangeRequest,
            Severity = ContentSeverity.Block,
            Message = "Do not ask the buyer to change or remove a review or feedback.",
            MessageJa = "レビューや評価の変更・削除を依頼することはできません。",
            Patterns =
            [
                @"\b(change|changing|remove|removing|delete|deleting|update|updating|revise|revising|edit|editing|take down|taking down|withdraw|withdrawing|modify|modifying|reconsider|reconsidering|amend|amending)(?<!\b(thanks?|thank you)\s+(so much\s+)?for\s+(change|changing|remove|removing|delete|deleting|update|updating|revise|revising|edit|editing|take down|taking down|withdraw|withdrawing|modify|modifying|reconsider|reconsidering|amend|amending))\s+(your\s+|the\s+|this\s+|that\s+)?(negative\s+|bad\s+|poor\s+|low\s+|[1-4][- ]?stars?\s+|(one|two|three|four)[- ]?stars?\s+)?(reviews?|feedback|ratings?)\b",
                @"(評価|レビュー|フィードバック)\s*(を|の)?\s*(変更|削除|取り消|取消|取り下げ|取下げ|修正|書き換え|書き直|消して|見直して)",
                @"(低評価|悪い評価|星\s*1)[^。\n]{0,15}(変更|削除|取り消|取り下げ|修正)",
                @"\b(bewertung|rezension|feedback)\s+(zu\s+)?(ändern|entfernen|löschen|zurückziehen|zurückzuziehen|anpassen|überarbeiten)\b",
                @"\b(bewertung|rezension|feedback)\s+((bitte|noch|einmal|nochmal|nochmals|doch|gegebenenfalls|eventuell|vielleicht|gerne?)\s+)+(zu\s+)?(ändern|entfernen|löschen|zurückziehen|zurückzuziehen|anpassen|überarbeiten|korrigieren)\b",
                @"\b(ändern|entfernen|löschen|überarbeiten|anpassen|korrigieren)\s+sie\s+(bitte\s+)?(ihre|die|ihr|diese|das)\s+([\w-]+\s+)?([\w-]*bewertung|[\w-]*rezension|feedback)\b",
                @"\bziehen\s+sie\s+(bitte\s+)?(ihre|die|ihr|diese|das)\s+([\w-]+\s+)?([\w-]*bewertung|[\w-]*rezension|feedback)\s+(bitte\s+)?zurück\b",
                @"\b(modifier|modifiez|supprimer|supprimez|retirer|retirez|changer|changez|mettre [àa] jour|mettez [àa] jour|revoir|revoyez|reconsid[ée]rer|reconsid[ée]rez|effacer|effacez|corriger|corrigez|enlever|enlevez|r[ée]viser|r[ée]visez)(?<!\b(avons|a|ont)\s+(modifier|modifiez|supprimer|supprimez|retirer|retirez|changer|changez|mettre [àa] jour|mettez [àa] jour|revoir|revoyez|reconsid[ée]rer|reconsid[ée]rez|effacer|effacez|corriger|corrigez|enlever|enlevez|r[ée]viser|r[ée]visez))\s+(votre|vos|le|la|les|l'|cet|cette|ce)\s*([\w-]+\s+)?" + ReviewFr + @"\b",
                @"\b(modifier|modifiez|supprimer|supprimez|retirer|retirez|changer|changez|mettre [àa] jour|mettez [àa] jour|revoir|revoyez|effacer|effacez|corriger|corrigez|r[ée]viser|r[ée]visez)\s+(votre|vos)\s+(mauvaise\s+)?notes?\b",
                @"\b(cambiar|cambie|cambia|modificar|modifique|modifica|eliminar|elimine|elimina|borrar|borre|retirar|retire|retirara|quitar|quite|actualizar|actualice|reconsiderar|reconsidere|editar|edite|corregir|corrija|revisar|revise)\s+(su|sus|la|el|esa|ese|esta|este|tu)\s+([\w-]+\s+)?" + ReviewEs + @"\b",
                @"\b(modificare|modifichi|rimuovere|rimuova|cancellare|cancelli|eliminare|elimini|ritirare|ritiri|aggiornare|aggiorni|cambiare|cambi|rivedere|riveda|correggere|corregga|togliere|tolga)\s+((la|il|le|i|l')\s*)?((sua|suo|sue|suoi|vostra|vostro|questa|questo|quella|quello)\s+)?([\w-]+\s+)?" + ReviewIt + @"\b",

                // Dutch (the verb at the end of the clause), Polish, Swedish, Turkish (object before verb; not "we fixed" -dik/-tik).
                @"\b(uw|je|jouw|de|die|deze|het)\s+([\w-]+\s+){0,2}" + ReviewNl + @"\b[^.!?\n]{0,40}\b(aan\s+te\s+passen|aanpassen|aanpast|wijzigen|wijzigt|veranderen|verandert|verwijderen|verwijdert|weghalen|weghaalt|intrekken|intrekt|in\s+te\s+trekken|herzien|herziet|bijwerken|bijwerkt|bij\s+te\s+werken)\b",
                @"\b(pas|wijzig|verander|verwijder|trek|herzie|haal)\s+(alstublieft\s+|a\.u\.b\.\s+|aub\s+|even\s+|gerust\s+|toch\s+)?(uw|je|jouw|de|die|deze)\s+([\w-]+\s+)?" + ReviewNl + @"\b",
                Loose(@"\b(zmienić|zmień|zmianę|usunąć|usuń|usunięcie|usunięcia|poprawić|popraw|poprawienie|zaktualizować|zaktualizuj|aktualizację|wycofać|wycofaj|wycofanie|edytować|edytuj|skorygować|skoryguj)\s+((swoją|swój|swoje|pana|pani|państwa|tę|tą|ten|tej|tego)\s+)?([\w-]+\s+){0,2}" + ReviewPl + @"\b"),
                Loose(@"\b(ändra|ändrar|uppdatera|uppdaterar|ta\s+bort|tar\s+bort|radera|raderar|ta\s+tillbaka|dra\s+tillbaka|återkalla|revidera|justera|se\s+över)\s+(ditt|din|dina|det|den|de|era|ert|er)\s+([\w-]+\s+)?" + ReviewSv + @"\b"),
                Loose(@"\b" + ReviewTr + @"\s+([\w']+\s+){0,2}(değiştir|sil|kaldır|güncelle|düzelt|düzenle|geri\s+çek|gözden\s+geçir)(?![a-zçğıöşü]*[dt][ıiuü]k\b)\w*"),
            ],
        },
        new()
        {
            Id = ContentRuleIds.ReviewIncentive,
            Severity = ContentSeverity.Block,
            Message = "Do not offer a refund, discount, gift or anything else in exchange for a review or feedback.",
            MessageJa = "レビューや評価と引き換えに返金・割引・プレゼントなどを提供することはできません。",
            Patterns =
            [
                @"\b(refunds?|discounts?|coupons?|gifts?|free|vouchers?|rewards?|cash ?back|gift cards?|money back|compensation|bonus)\b[^.!?\n]{0,40}(?<!\b(thanks?|thank you|grateful|appreciate \w+)\s)\b(if|when|once|after|for|in exchange for|in return for)\b[^.!?\n]{0,30}\b(reviews?|feedback|ratings?)\b",
                @"\b(in exchange for|in return for|for leaving|for writing|for posting)\s+(a\s+|an\s+|your\s+)?([a-z-]+\s+)?(reviews?|feedback|ratings?)\b",
                @"(返金|割引|クーポン|プレゼント|無料|ギフト|特典|謝礼|ポイント|値引|キャッシュバック)[^。！？\n]{0,30}(レビュー|評価|フィードバック)",
                @"(レビュー|評価|フィードバック)[^。！？\n]{0,20}(いただけ|頂け|書いて|投稿|して|くだされば|下されば)[^。！？\n]{0,20}(返金|割引|クーポン|プレゼント|無料|ギフト|特典|謝礼|ポイント|キャッシュバック)",
                @"\b(rückerstattung|erstattung|rabatt|gutschein|geschenk|gratis|kostenlos|belohnung)\b[^.!?\n]{0,40}\b(wenn|falls|für|gegen|sobald)\b[^.!?\n]{0,30}\b(bewertung|rezension|feedback)\b",
                @"\b(after|once|when|if|as soon as)\s+you('ve| have)?\s+(left|leave|post|posted|write|written|submit|submitted|send|sent|share|shared)\b[^.!?\n]{0,30}\b(reviews?|feedback|ratings?)\b[^.!?\n]{0,50}\b(refunds?|refunded|discounts?|coupons?|gifts?|free|vouchers?|rewards?|cash ?back|money back|compensat\w*|bonus)\b",
                @"\b(leave|write|post|give|submit)\b[^.!?\n]{0,30}\b(reviews?|feedback|ratings?)\s+(and|to)\s+(get|receive|earn|claim|we('ll| will))\b",
                @"\bscreenshots?\s+of\s+(your|the)\s+([\w-]+\s+)?(reviews?|feedback|ratings?)\b",
                @"\b(gegen|für)(?<!\b(danke|dank)\s+(gegen|für))\s+(eine|ihre)\s+([\w-]+\s+)?([\w-]*(bewertung|rezension))\b",
                @"\b(wenn|falls|sobald|nachdem)\s+sie\b[^.!?\n]{0,40}\b(bewertung|rezension|feedback)\b[^.!?\n]{0,60}\b(erstatt\w*|rückerstattung|rabatt|gutschein|geschenk|gratis|kostenlos\w*|belohnung|geld\s+zurück|prämie)\b",
                @"\b(schreiben|hinterlassen|geben)\s+sie\b[^.!?\n]{0,40}\b(bewertung|rezension|feedback)\s+und\s+(sie\s+)?(erhalten|bekommen|wir\s+(erstatten|schenken|senden|schicken))\b",
                @"\bgeld\s+zurück\b[^.!?\n]{0,40}\b(wenn|falls|sobald|nachdem|für|gegen)\b[^.!?\n]{0,30}\b(bewertung|rezension|feedback)\b",
                @"(レビュー|評価|フィードバック)[^。！？\n]{0,10}(と引き?換え|の代わりに|のお礼に|のお礼として)",
                @"\b(rembours\w*|r[ée]ductions?|remises?|bons?\s+d'achat|codes?\s+promo|cadeaux?|gratuit\w*|offert\w*|r[ée]compenses?|avoirs?)\b[^.!?\n]{0,40}\b(si|quand|lorsque|d[eè]s que|une fois que|pour|contre|en [ée]change d'?|apr[eè]s)\b[^.!?\n]{0,30}\b(avis|[ée]valuations?|commentaires?|notes?|critiques?)\b",
                @"\b(en [ée]change d'|en [ée]change de|contre|en contrepartie d'|en contrepartie de)\s*(un|une|votre|vos|chaque|l')\s*([\w-]+\s+){0,2}" + ReviewFr + @"\b",
                @"\b(pour|contre)\s+(tout|chaque)\s+" + ReviewFr + @"\b[^.!?\n]{0,60}\b(rembours\w*|r[ée]ductions?|remises?|bons? d'achat|cadeaux?|gratuit\w*|offr\w*|offert\w*)",
                @"\b(laissez|[ée]crivez|publiez|postez|donnez|mettez)\b[^.!?\n]{0,40}\b(avis|[ée]valuations?|commentaires?|notes?|critiques?|[ée]toiles)\b[^.!?\n]{0,20}\bet\b[^.!?\n]{0,30}\b(rembours\w*|r[ée]ductions?|remises?|bons? d'achat|cadeaux?|gratuit\w*|offr\w*|recevr\w*)",
                @"\b(si|quand|lorsque|d[eè]s que|une fois que|apr[eè]s que)\s+vous\b[^.!?\n]{0,40}\b(avis|[ée]valuations?|commentaires?|critiques?|[ée]toiles)\b[^.!?\n]{0,60}\b(rembours\w*|r[ée]ductions?|remises?|bons? d'achat|cadeaux?|gratuit\w*|offr\w*|r[ée]compenses?)",
                @"\b(reembols\w*|descuentos?|cup[oó]n(es)?|regal\w*|gratis|gratuit[oa]s?|vales?|recompensas?|tarjetas? regalo|devoluci[oó]n del dinero|compensaci[oó]n)\b[^.!?\n]{0,40}\b(si|cuando|en cuanto|una vez que|por|a cambio de|despu[eé]s de)\b[^.!?\n]{0,30}\b(" + ReviewEs + @"|valora|valore|califica|califique)\b",
                @"\b(por cada|a cambio de|por (dejar|escribir|publicar))(?<!\bgracias\s+(por cada|a cambio de|por (dejar|escribir|publicar)))\s+(una?\s+|su\s+|tu\s+)?([\w-]+\s+){0,2}" + ReviewEs + @"\b",
                @"\b(si|cuando|en cuanto|una vez que)\s+(nos\s+)?(deja|deje|escribe|escriba|publica|publique|pone|ponga|valora|valore|califica|califique)\b[^.!?\n]{0,40}\b(reembols\w*|descuentos?|cup[oó]n|regal\w*|gratis|vales?|recompensas?)",
                @"\b(rimbors\w*|scont[oi]|coupon|buoni?|regal[oi]|omaggi?o?|gratis|gratuit[aoie]|ricompens[ae]|cashback)\b[^.!?\n]{0,40}\b(se|quando|non appena|per|in cambio di|dopo)\b[^.!?\n]{0,30}\b(" + ReviewIt + @"|recensisce|recensire|valuta)\b",
                @"\b(in cambio di|per ogni|a fronte di)\s+(una?\s+|la\s+|sua\s+|ogni\s+)?([\w-]+\s+){0,2}(recension[ei]|valutazion[ei]|feedback|giudizi?o?)\b",
                @"\b(se|quando|non appena|dopo che)\s+(ci\s+)?(lascia|lascerà|scrive|pubblica|mette|dà|da)\b[^.!?\n]{0,40}\b(recension[ei]|valutazion[ei]|feedback|stelle)\b[^.!?\n]{0,50}\b(rimbors\w*|sconto|coupon|buono|regal\w*|omaggio|gratis|gratuit\w*)",

                // Dutch, Polish, Swedish, Turkish.
                @"\b(in\s+ruil\s+voor|als\s+beloning\s+voor|voor\s+elke|voor\s+iedere|tegen\s+een|tegen\s+elke)\s+(een\s+|uw\s+|je\s+)?([\w-]+\s+)?" + ReviewNl + @"\b",
                @"\b(terug\w*|geld\s+terug|korting|kortingscode|cadeaubon|cadeau|tegoedbon|gratis|beloning|vergoeding)\b[^.!?\n]{0,40}\b(als|wanneer|zodra|na|nadat)\b[^.!?\n]{0,30}\b(" + ReviewNl + @"|sterren)\b",
                @"\b" + ReviewNl + @"\b[^.!?\n]{0,40}\b(en|dan|krijgt|ontvangt)\b[^.!?\n]{0,30}\b(terug|korting|cadeaubon|cadeau|tegoedbon|gratis|beloning|vergoeding)\b",
                Loose(@"\bw\s+zamian\s+za\s+([\w-]+\s+){0,2}" + ReviewPl + @"\b"),
                Loose(NotAfter(ThanksPl, @"za") + @"\s+(wystawienie|napisanie|dodanie|zostawienie|pozostawienie|każdą|każdy|każdą\s+pozytywną)\s+([\w-]+\s+)?(" + ReviewPl + @"|gwiazd\w*)\b"),
                Loose(@"\b(zwróc\w*|zwrot\w*|rabat\w*|zniżk\w*|kupon\w*|bon\w*|prezent\w*|gratis|darmow\w*|bezpłatn\w*|nagrod\w*|gotówk\w*)\b[^.!?\n]{0,40}\b(jeśli|jeżeli|gdy|kiedy|po|za)\b[^.!?\n]{0,30}\b" + ReviewPl + @"\b"),
                Loose(@"\b(po|jeśli|jeżeli|gdy|kiedy)\b[^.!?\n]{0,40}\b" + ReviewPl + @"\b[^.!?\n]{0,50}\b(zwróc\w*|zwrot\w*|rabat\w*|zniżk\w*|kupon\w*|bon\w*|prezent\w*|gratis|darmow\w*|bezpłatn\w*|nagrod\w*)"),
                Loose(@"\b(i\s+utbyte\s+mot|för\s+varje|som\s+tack\s+för)\s+(en\s+|ett\s+|ditt\s+|din\s+)?([\w-]+\s+)?" + ReviewSv + @"\b"),
                Loose(@"\b(återbetal\w*|tillbaka|rabatt\w*|presentkort\w*|gratis|kupong\w*|belöning\w*|ersättning)\b[^.!?\n]{0,40}\b(om|när|efter|för)\b[^.!?\n]{0,30}\b" + ReviewSv + @"\b"),
                Loose(@"\b" + ReviewSv + @"\b[^.!?\n]{0,40}\b(så|och|får)\b[^.!?\n]{0,30}\b(tillbaka|återbetal\w*|rabatt\w*|presentkort\w*|gratis|kupong\w*|belöning\w*)"),
                Loose(@"\b" + ReviewTr + @"\s+(karşılığında|karşılığı|karşılığı\s+olarak)\b"),
                Loose(@"\bher\s+([\w-]+\s+)?" + ReviewTr + @"\s+için\b"),
                Loose(@"\b" + ReviewTr + @"\s+([\w']+\s+)?(yaz|bırak|yap|ver|paylaş|ekle)\w*?((sa|se)n[ıi]z|[dt][ıi]ktan\s+sonra|[dt]i[ğk]inizde|[dt]ı[ğk]ınızda)\b[^.!?\n]{0,50}\b(iade|indirim|hediye|ücretsiz|bedava|kupon|çek|para|geri\s+öde)\w*"),
            ],
        },
        new()
        {
            Id = ContentRuleIds.ReviewRequest,
            Severity = ContentSeverity.Warn,
            Message = "Asking for a review or feedback in a message is risky; use Amazon's Request a Review instead.",
            MessageJa = "メッセージでレビューや評価を依頼するのは危険です。Amazonの「レビューをリクエスト」機能を使ってください。",
            Patterns =
            [
                @"\b(leave|leaving|write|writing|post|posting|give|giving|submit|submitting|share|sharing)(?<!(\b(thanks?|thank you)\s+(so much\s+)?for\s+|" + AmazonAsks + @")(leave|leaving|write|writing|post|posting|give|giving|submit|submitting|share|sharing))\s+(us\s+|me\s+)?(a\s+|an\s+|your\s+|some\s+)?(honest\s+|quick\s+|short\s+)?(reviews?|feedback|ratings?)\b",
                @"\b(please|kindly)\s+(review|rate)\s+(us|the product|our product|this product|your purchase)\b(?!\s+(page|manual|listing|description|details|instructions|guide))",
                @"(レビュー|評価|フィードバック)\s*(を|の)?\s*(お願い|ご記入|書いて|投稿|残して|いただけ|頂け)",
                @"\b(bewertung|rezension|feedback)\s+(abgeben|hinterlassen|schreiben|abzugeben|zu hinterlassen|zu schreiben)\b",
                @"\bbitte\s+(bewerten|eine bewertung|eine rezension)\b",
                @"\b(we'?d love|we would love|we'?d appreciate|we would appreciate|we'?d be grateful for)\b[^.!?\n]{0,40}\b(reviews?|ratings?)\b",
                @"\büber\s+(ihr|ihre|eine)\s+([\w-]+\s+)?([\w-]*bewertung|[\w-]*rezension|feedback)\b[^.!?\n]{0,40}\b(freuen|dankbar)\b",
                @"(レビュー|評価)\s*(に|へ)\s*(投稿|ご投稿|書いて|ご記入)",
                @"\b(laisser|laissez|[ée]crire|[ée]crivez|r[ée]diger|r[ée]digez|publier|publiez|poster|postez|donner|donnez|partager|partagez)(?<!(\b(merci|remercions|remercie)\s+(beaucoup\s+)?(de|d'|pour)\s*(nous\s+)?(avoir\s+)?|" + AmazonAsks + @")(laisser|laissez|[ée]crire|[ée]crivez|r[ée]diger|r[ée]digez|publier|publiez|poster|postez|donner|donnez|partager|partagez))(\s*-?\s*nous)?\s+(un|une|votre|vos|quelques)\s+(petit\s+|petite\s+|court\s+|courte\s+)?" + ReviewFr + @"\b",
                NotAfter(AmazonAsks, @"([ée]valuer|[ée]valuez|noter|notez|commenter|commentez)") + @"\s+(votre achat|le produit|l'article|notre produit|nos produits|nous|votre commande|ce produit|cet article)\b",
                @"\b(nous serions (ravis|heureux|reconnaissants)|nous aimerions)\b[^.!?\n]{0,40}\b" + ReviewFr + @"\b",
                @"\b(dejar|deje|dejarnos|d[eé]jenos|dejara|dejase|escribir|escriba|escribirnos|publicar|publique|compartir|comparta)(?<!(\bgracias\s+por\s+|" + AmazonAsks + @")(dejar|deje|dejarnos|d[eé]jenos|dejara|dejase|escribir|escriba|escribirnos|publicar|publique|compartir|comparta))\s+(nos\s+)?(una?|su|sus|tu)\s+(breve\s+|peque[ñn]a\s+)?" + ReviewEs + @"\b",
                NotAfter(AmazonAsks, @"(valorar|valore|valora|calificar|califique|califica|puntuar|punt[uú]e|rese[ñn]ar)") + @"\s+(su compra|el producto|el art[ií]culo|su pedido|nuestro producto|nuestra tienda|este producto)\b",
                @"\b(nos encantar[ií]a|nos gustar[ií]a|le agradecer[ií]amos|agradecer[ií]amos)\b[^.!?\n]{0,40}\b" + ReviewEs + @"\b",
                @"\b(lasciare|lasci|lasciarci|lasciateci|scrivere|scriva|scriverci|pubblicare|pubblichi|condividere|condivida)(?<!(\bgrazie\s+per\s+(averci\s+)?|" + AmazonAsks + @")(lasciare|lasci|lasciarci|lasciateci|scrivere|scriva|scriverci|pubblicare|pubblichi|condividere|condivida))\s+(ci\s+)?(una?|la sua|il suo|un breve|una breve|qualche)\s+([\w-]+\s+)?(" + ReviewIt + @"|opinione)\b",
                NotAfter(AmazonAsks, @"(valutare|valuti|recensire|recensisca)") + @"\s+(il suo acquisto|il prodotto|l'articolo|il nostro prodotto|questo prodotto|il suo ordine)\b",
                @"\b(ci farebbe piacere|ci piacerebbe|saremmo (lieti|felici|grati))\b[^.!?\n]{0,40}\b(" + ReviewIt + @"|opinione)\b",
                @"\b(hinterlassen|schreiben|geben)\s+sie\s+(uns\s+)?((gerne?|doch|bitte)\s+)?(eine|ihre)\s+([a-zäöüß-]+\s+)?(bewertung|rezension|feedback)\b",

                // Dutch, Polish, Swedish, Turkish.
                NotAfter(ThanksNl + "|" + AmazonAsks, ReviewNl) + @"\s+((willen|wilt|kunt|kunnen|zou|gerust|even|graag|te)\s+)*(achterlaten|achterlaat|achter\s+te\s+laten|geven|schrijven|plaatsen)\b",
                NotAfter(ThanksNl + "|" + AmazonAsks, @"(laat|schrijf|geef|plaats|deel)") + @"\s+(ons\s+)?((gerust|even|alstublieft|a\.u\.b\.|graag|dan)\s+)?(een|uw|je)\s+([\w-]+\s+)?" + ReviewNl + @"\b",
                NotAfter(AmazonAsks, @"(uw\s+aankoop|het\s+product|ons\s+product|het\s+artikel|uw\s+bestelling|ons)") + @"\s+(te\s+)?(beoordelen|beoordeelt|waarderen|recenseren)\b|\bbeoordeel\s+(gerust\s+|even\s+)?(ons|het\s+product|uw\s+aankoop)\b",
                Loose(NotAfter(ThanksPl + "|" + AmazonAsks, @"(wystawić|wystaw|wystawi|wystawienie|napisać|napisz|napisze|napisanie|zostawić|zostaw|zostawi|zostawienie|dodać|dodaj|doda|podzielić\s+się|podziel\s+się)") + @"\s+((nam|swoją|pan|pani|pana|państwo|krótką|szczerą)\s+)*" + ReviewPl + @"\b"),
                Loose(@"\bprosimy\s+o\s+([\w-]+\s+)?" + ReviewPl + @"\b|\b(ocenić|oceń|ocenić)\s+(zakup|produkt|nas|towar|zamówienie|przedmiot|nasz\s+sklep)\b"),
                Loose(NotAfter(ThanksSv + "|" + AmazonAsks, @"(lämna|lämnar|lämnade|skriv|skriva|skriver|skrev|ge|dela|delade)") + @"\s+((gärna|oss)\s+)*(ett|en|ditt|din|några)\s+([\w-]+\s+)?" + ReviewSv + @"\b"),
                Loose(NotAfter(AmazonAsks, @"(betygsätt|betygsätta|betygsätter|recensera|recenserar|bedöm)") + @"\s+(gärna\s+)?(ditt\s+köp|produkten|varan|oss|din\s+beställning|köpet)\b"),
                Loose(@"\b" + ReviewTr + @"\s+(yaz|bırak|yap|ver|paylaş|ekle)\w*(?![^.!?\n]{0,30}\b(için)\s+(çok\s+)?(teşekkür|sağ\s?ol))"),
                Loose(@"\b(ürünü|satın\s+aldığınız\s+ürünü|siparişinizi|alışverişinizi|bizi)\s+(lütfen\s+)?değerlendir\w*"),
            ],
        },
        new()
        {
            Id = ContentRuleIds.ClaimWithdrawal,
            Severity = ContentSeverity.Block,
            Message = "Do not ask the buyer to withdraw or close an A-to-Z Guarantee claim or chargeback, or tie a refund to it: solve the problem first.",
            MessageJa = "Aマーケットプレイス保証の申請やチャージバックの取り下げを依頼したり、返金と引き換えにしたりすることはできません。まず問題を解決してください。",
            Patterns =
            [
                @"\b(withdraw|close|cancel|retract|remove|drop|revoke|rescind|take back)\s+(your\s+|the\s+|this\s+|that\s+)?(a-?to-?z|a-z|a to z|atoz)?\s*(guarantee\s+)?(claims?|chargebacks?|disputes?)\b",
                @"\b(a-?to-?z|a-z|a to z)(\s+guarantee)?(\s+claim)?\b[^.!?\n]{0,40}\b(withdraw|withdrawn|close|closed|cancel|cancell?ed|retract|retracted|remove|removed)\b",
                @"(a-?z|a-?to-?z|a\s*to\s*z|aマイナスz|a〜z|a~z|aからz|マーケットプレイス保証|チャージバック|申し立て|申立て)[^。\n]{0,20}(取り下げ|取下げ|取り消|取消|キャンセル|クローズ|閉じ|撤回|オフに|終了|解除)",
                @"\b(a-bis-z|a-bis-z-garantie|a-z-garantie|garantieantrag|garantie-antrag|antrag|rückbuchung|reklamation)\b[^.!?\n]{0,40}\b(zurückziehen|zurückzuziehen|zurücknehmen|zurückzunehmen|zurückgezogen|zurückgenommen|schließen|zu schließen|geschlossen|stornieren|zu stornieren|storniert)\b",
                @"\b(ziehen|nehmen)\s+sie\s+(bitte\s+)?(ihren|ihre|den|die|das)\s+([\w-]+\s+)?[\w-]*(antrag|garantie|reklamation|rückbuchung|beschwerde)\s+(bitte\s+)?zurück\b",
                @"\b(stornieren|schließen|annullieren)\s+sie\s+(bitte\s+)?(ihren|ihre|den|die|das)\s+([\w-]+\s+)?[\w-]*(antrag|rückbuchung|reklamation|garantiefall)\b",
                @"\b(annuler|annulez|retirer|retirez|cl[oô]turer|cl[oô]turez|cl[oô]tur[ée]|fermer|fermez|abandonner|abandonnez)(?<!\b(avons|a|ont)\s+(annuler|annulez|retirer|retirez|cl[oô]turer|cl[oô]turez|cl[oô]tur[ée]|fermer|fermez|abandonner|abandonnez))\s+(votre|vos|la|le|l'|cette|ce)?\s*(r[ée]clamations?|litiges?|demandes? de garantie|r[ée]trofacturations?|contestations?|opposition)\b",
                @"\b(a-?[àa]-?z|a [àa] z|a-?to-?z|garantie a)\b[^.!?\n]{0,40}\b(annul\w*|retir\w*|cl[oô]tur\w*|ferm\w*)",
                @"\b(retire|retirar|retira|retirara|cierre|cerrar|cierra|cerrara|cancele|cancelar|cancela|cancelara|anule|anular|anula|anulara|desista)(?<!\b(hemos|ha)\s+(retire|retirar|retira|retirara|cierre|cerrar|cierra|cerrara|cancele|cancelar|cancela|cancelara|anule|anular|anula|anulara|desista))\s+(su\s+|sus\s+|la\s+|el\s+|esa\s+|esta\s+)?(reclamaci[oó]n|reclamaciones|disputa|contracargo|devoluci[oó]n de cargo|reclamo|garant[ií]a)\b",
                @"\b(de la a a la z|a-?to-?z|a-z)\b[^.!?\n]{0,40}\b(retir\w*|cerr\w*|cierr\w*|cancel\w*|anul\w*)",
                @"(?<!\bhemos\s+)\b(retirad[oa]|cerrad[oa]|cancelad[oa]|anulad[oa])\s+(su\s+|la\s+|el\s+)?(reclamaci[oó]n|disputa|contracargo|reclamo)\b",
                @"\b(ritirare|ritiri|chiudere|chiuda|chiuderà|annullare|annulli|cancellare|cancelli|revocare|revochi)(?<!\b(abbiamo|ha)\s+(ritirare|ritiri|chiudere|chiuda|chiuderà|annullare|annulli|cancellare|cancelli|revocare|revochi))\s+((il|la|lo|l')\s*)?((sua|suo)\s+)?(reclam[oi]|richiesta di garanzia|contestazione|chargeback|storno|disputa)\b",
                @"\b(dalla a alla z|a-?to-?z|a-z)\b[^.!?\n]{0,40}\b(ritir\w*|chius\w*|chiud\w*|annull\w*)",
                @"(?<!\babbiamo\s+)\b(ritirat[oa]|chius[oa]|annullat[oa])\s+((il|la|lo|l')\s*)?(reclam[oi]|richiesta di garanzia|contestazione|chargeback|storno|disputa)\b",

                // Dutch, Polish, Swedish, Turkish.
                @"\b(uw|je|jouw|de|die|deze|het)\s+([\w-]+\s+)?([\w-]*claim|terugboeking|chargeback|geschil|[\w-]*garantieaanvraag)\b[^.!?\n]{0,30}\b(intrekken|intrekt|ingetrokken|in\s+te\s+trekken|sluiten|sluit|afsluiten|annuleren|annuleert|terugtrekken|terugtrekt|teruggetrokken|stopzetten)\b",
                @"\b(trek|annuleer|sluit)\s+(alstublieft\s+|a\.u\.b\.\s+)?(uw|je|jouw|de|die|deze)\s+([\w-]+\s+)?([\w-]*claim|terugboeking|chargeback|geschil)\b",
                Loose(@"\b(wycofać|wycofa|wycofaj|wycofanie|wycofania|zamknąć|zamknij|zamknięcie|anulować|anuluj|anulowanie|cofnąć|cofnij)\s+((swoje|swoją|swój|pan|pani|to|tę|tego|tej)\s+)?([\w-]+\s+)?(roszczeni[ea]|roszczeń|reklamacj[aeęi]|spór|sporu|obciążeni[ea]\s+zwrotn\w*|chargeback\w*|wnios\w*\s+gwarancyjn\w*)\b"),
                Loose(@"\b(a-?do-?z|od\s+a\s+do\s+z)\b[^.!?\n]{0,40}\b(wycof|zamkn|anul)\w*"),
                Loose(@"\b(dra\s+tillbaka|drar\s+tillbaka|återkalla|återkallar|återkallat|stäng|stänga|stänger|avsluta|avslutar|avbryt|avbryta|avbryter|ta\s+tillbaka|annullera)\s+((ditt|din|det|den|era|ert)\s+)?([\w-]+\s+)?([\w-]*anspråk(et)?|[\w-]*ärende(t)?|återkrav(et)?|chargeback|tvist(en)?|reklamation(en)?)\b"),
                Loose(@"\b(tale[pb]|şikayet|şikâyet|itiraz|ters\s+ibraz|a-?to-?z)\w*\s+([\w']+\s+){0,2}(geri\s+çek|kapat|iptal\s+e[td]|kaldır|vazgeç)\w*"),
            ],
        },
        new()
        {
            Id = ContentRuleIds.Marketing,
            Severity = ContentSeverity.Block,
            Message = "Marketing and promotion are not allowed: no coupons, sales, new products or invitations to visit a store.",
            MessageJa = "宣伝・販促は禁止されています(クーポン、セール、新商品、ストアへの誘導など)。",
            Patterns =
            [
                @"\b(coupons?\s+codes?|promo(tion(al)?)?\s+codes?|discount\s+codes?|voucher\s+codes?)\b(?!,?\s+(that\s+|which\s+)?you\s+(used|applied|entered|redeemed|had))",
                @"\b(here is|here's|enjoy|use|receive|get|send you|offer you|give you)\s+(a|an|this|our|your)?\s*(exclusive\s+|special\s+)?(\d{1,2}\s?%\s+)?coupons?\b",
                @"\b\d{1,2}\s?% off\b",
                @"\bour\s+(new|latest)\s+(products?|collection|arrivals?)\b",
                @"\bnew arrivals\b",
                @"\b(visit|check out|browse|follow|like)\s+(us|our)\s+(on\s+)?(store|shop|website|instagram|facebook|twitter|tiktok|youtube|social media|storefront|other products|products)\b",
                @"\bfollow us\b",
                @"\b(newsletter|subscribe to)\b",
                @"\b(black friday|cyber monday|flash sale|special offer|limited[- ]time offer|big sale|clearance sale)\b",
                @"クーポン(コード|券)?\s*(を|の)?\s*(プレゼント|差し上げ|お送り|進呈|配布|発行|ご利用ください|お使いください|ご用意)|割引コード|プロモーションコード|メルマガ|メールマガジン|(新商品|新製品)(?!(と|へ|に)(の)?(交換|取り?替))|セール(?!ス)",
                @"(ストア|ショップ|店舗ページ|ホームページ|公式サイト|インスタグラム|instagram)\s*(を|も|に)?\s*(ご覧|チェック|覗いて|のぞいて|訪問|フォロー|お越し)",
                @"フォローして",
                @"(次回|今後)(の)?(ご購入|お買い物|購入|注文)[^。\n]{0,15}(割引|値引|クーポン|%off|オフ)",
                @"\b(gutscheincode|rabattcode|aktionscode|promo-?code)s?\b(?!,?\s+(den|die)\s+sie)",
                @"\b(erhalten sie|schenken ihnen|senden ihnen|bieten ihnen)\s+(einen|ihren)\s+([a-zäöüß-]+\s+)?gutschein\b",
                @"\b\d{1,2}\s?% rabatt\b",
                @"\bunsere?n?\s+neuen?\s+(produkte|kollektion|artikel)\b",
                @"\bneue produkte\b",
                @"\b(besuchen|folgen)\s+sie\s+uns\b",
                @"\bbesuchen\s+sie\s+unseren?\s+(shop|store|webseite|website|online-?shop)\b",
                @"\b(newsletter|sonderangebot|sonderangebote)\b",
                @"\bcodes?\s+(promo(tionnel)?|de r[ée]duction|de remise|avantage)\b(?!\s+(que|qui)\s+(vous\s+)?(avez|a [ée]t[ée]))",
                @"\bnos\s+(nouveaux|nouvelles|derniers|derni[eè]res)\s+(produits|articles|collections?|nouveaut[ée]s|arrivages|mod[eè]les)\b|\bnotre\s+nouvelle\s+collection\b",
                @"\bsuivez\s*-?\s*nous\b|\bnous\s+suivre\s+sur\b",
                @"(?<![\w,.-])-\s?\d{1,2}\s?%|\b\d{1,2}\s?%\s+de\s+(r[ée]duction|remise)\b",
                @"(r[ée]duction|remise|promo|%|bon d'achat)[^.!?\n]{0,40}\bprochaine?s?\s+(achats?|commandes?)\b",
                @"\b(visitez|d[ée]couvrez|consultez|parcourez|rendez-vous sur)\s+(notre|nos)\s+(boutique|magasin|site|page|vitrine|instagram|facebook|autres produits|produits|collection)\b",
                @"\bnos\s+(soldes|promotions?|offres sp[ée]ciales)\b|\bventes? (flash|priv[ée]es?)\b|\boffres? sp[ée]ciales?\b",
                @"\bc[oó]digos?\s+(de\s+)?(descuento|promoci[oó]n(al)?|promo|cup[oó]n)\b(?!\s+que\s+(us[oó]|utiliz[oó]|aplic[oó]|introdujo|ha usado|ha utilizado))",
                @"\bnuestr[oa]s\s+(nuev[oa]s|[uú]ltim[oa]s)\s+(productos|art[ií]culos|colecci[oó]n|colecciones|novedades|modelos)\b|\bnuestra\s+nueva\s+colecci[oó]n\b",
                @"\bs[ií]gu?[ea]nos\b",
                @"\b\d{1,2}\s?%\s+de\s+descuento\b",
                @"(descuento|promo|%|cup[oó]n)[^.!?\n]{0,40}\bpr[oó]xim[oa]s?\s+(compras?|pedidos?)\b",
                @"\b(visite|visita|visiten|descubra|descubre|consulte)\s+(nuestr[oa]s?)\s+(tienda|web|p[aá]gina|sitio|escaparate|instagram|facebook|otros productos|productos|cat[aá]logo)\b",
                @"\b(nuestras|las)\s+rebajas\b|\bofertas?\s+(especial(es)?|flash|exclusivas?)\b|\bventa flash\b|\bbolet[ií]n\b|\bsuscr[ií]b\w*",
                @"\bcodic[ei]\s+(sconto|promo(zionale)?|coupon)\b(?!\s+che\s+(ha|avete)\s+(usato|utilizzato|applicato|inserito))",
                @"\bi\s+nostri\s+(nuovi|ultimi)\s+(prodotti|articoli|arrivi|modelli)\b|\bla\s+nostra\s+nuova\s+collezione\b|\bnuovi arrivi\b",
                @"\bseguic[ih]\b|\bci\s+segua\b|\bseguiteci\b",
                @"\b\d{1,2}\s?%\s+di\s+sconto\b",
                @"(sconto|promo|%|coupon|buono)[^.!?\n]{0,40}\bprossim[oa]\s+(acquisto|ordine)\b",
                @"\b(visiti|visita|visitate|scopra|scopri|scoprite)\s+((il|la|i|le)\s+)?(nostr[oaie])\s+(negozio|sito|pagina|vetrina|store|shop|instagram|facebook|catalogo|altri prodotti|prodotti|collezione)\b",
                @"\bi\s+(nostri\s+)?saldi\b|\bofferte?\s+(speciale|speciali|lampo|esclusiv[ae])\b|\biscriva\w*\s+alla\s+(nostra\s+)?newsletter\b",

                // Dutch, Polish, Swedish, Turkish (a code the buyer used is named before it in Turkish).
                @"\b(kortingscode|promotiecode|actiecode|couponcode|waardebon)s?\b(?!,?\s+(die|dat)\s+(u|je)\b)",
                @"\b(onze|ons)\s+(nieuwe|nieuwste|laatste)\s+(producten|artikelen|collectie|modellen)\b",
                @"\bvolg\s+ons\b|\bvolgt\s+u\s+ons\b|\bnieuwsbrief\b|\b\d{1,2}\s?%\s+korting\b",
                @"(korting|%|cadeaubon)[^.!?\n]{0,40}\bvolgende\s+(aankoop|bestelling)\b",
                @"\b(bezoek|ontdek|bekijk)\s+(gerust\s+|dan\s+)?(onze|ons)\s+(webshop|winkel|website|site|pagina|instagram|facebook|andere\s+producten|producten|collectie|assortiment|[\w-]*winkel)\b",
                @"\b(speciale|exclusieve)\s+aanbieding(en)?\b|\bonze\s+(aanbiedingen|acties|uitverkoop)\b",
                Loose(@"\b(kod\w*|kupon\w*)\s+(rabatow|promocyjn)\w*(?!\w*,?\s+(który|którego|którym)\b)"),
                Loose(@"\b(nasz\w*)\s+(now\w*|najnowsz\w*)\s+(produkt\w*|kolekcj\w*|artykuł\w*|model\w*)"),
                Loose(@"\bobserwuj\w*\s+nas\b|\bnewsletter\w*|\bzapisz\s+się\s+do\b|\b\d{1,2}\s?%\s+(zniżki|rabatu|taniej)\b"),
                Loose(@"(zniżk|rabat|%|kupon)\w*[^.!?\n]{0,40}\b(następn|kolejn)\w*\s+(zakup|zamówieni)\w*"),
                Loose(@"\b(odwiedź|odwiedzić|zapraszamy\s+do|zajrzyj\s+do|sprawdź|odkryj)\s+(nasz\w*)\s+(sklep\w*|stron\w*|ofert\w*|profil\w*|instagram\w*|facebook\w*|produkt\w*|kolekcj\w*|now\w*)"),
                Loose(@"\bnasz\w*\s+(promocj|wyprzedaż|ofert)\w*|\b(specjaln|wyjątkow)\w*\s+ofert\w*"),
                Loose(@"\b(rabattkod|kampanjkod|presentkod)\w*(?!\w*\s+(som|du)\b)"),
                Loose(@"\b(våra|vår)\s+(nya|senaste)\s+(produkter|artiklar|kollektion\w*|modeller)\b|\bfölj\s+(gärna\s+)?(oss|vår|våra|vårt)\b|\bnyhetsbrev\w*|\bprenumerera\b|\b\d{1,2}\s?%\s+rabatt\b"),
                Loose(@"(rabatt|%|kupong|presentkort)[^.!?\n]{0,40}\bnästa\s+(köp|beställning|order)\b"),
                Loose(@"\b(besök|upptäck|kolla\s+in|titta\s+på)\s+(gärna\s+)?(vår|våra|vårt)\s+(webbutik|butik|hemsida|webbplats|sida|instagram|facebook|nya|produkter|sortiment|kollektion)\w*|\bspecialerbjudande\w*|\bvår\w*\s+rea\b"),
                Loose(NotAfter(@"(kullandığınız|girdiğiniz|uyguladığınız|kullandığın)\s+", @"(indirim|promosyon|kupon|kampanya)") + @"\s+kod\w*"),
                Loose(@"\byeni\s+([\w']+\s+)?(ürün|koleksiyon|model)\w*(imiz|ımız|umuz|ümüz)\w*|\bbizi\s+([\w']+\s+)?takip\s+ed\w*|\bbülten\w*|\babone\s+ol\w*"),
                Loose(@"%\s?\d{1,2}\s+indirim|\b\d{1,2}\s?%\s+indirim|\bbir\s+sonraki\s+(alışveriş|sipariş)\w*[^.!?\n]{0,40}(indirim|kupon|%)"),
                Loose(@"\b(mağaza|web\s+sitesi|sayfa|instagram|facebook)\w*(mız|miz|muz|müz)\w*\s+([\w']+\s+)?(ziyaret|keşfed|göz\s+at)\w*|\b(özel|kaçırılmayacak)\s+(fırsat|kampanya|indirim)\w*"),
            ],
        },
        new()
        {
            Id = ContentRuleIds.AutomatedWording,
            Severity = ContentSeverity.Warn,
            Message = "The text reads as an automated reply; Amazon does not count automated replies as a response.",
            MessageJa = "自動返信のような文面です。Amazonは自動返信を回答として扱いません。",
            Patterns =
            [
                @"\b(this is an?|this message is an?|this is our)\s+(automated|automatic|auto-generated|auto)\s*(-\s*)?(reply|response|message|e-?mail)\b",
                @"\bauto[- ]?reply\b",
                @"\b(do not|don't|please do not)\s+reply\s+to\s+this\s+(e-?mail|message)\b",
                @"自動返信|自動送信|自動応答|送信専用",
                @"\b(automatische|automatisch erstellte|automatisch generierte)\s+(antwort|nachricht|e-?mail)\b",
                @"\bbitte antworten sie nicht\b",
                @"\b(this message|this e-?mail|this reply)\s+(was|is|has been)\s+(automatically|auto-?)\s*(generated|sent|created)\b",
                @"\b(wurde|ist)\s+automatisch\s+(erstellt|generiert|versendet|verschickt|gesendet)\b",
                @"(この|本)(メール|メッセージ)\s*(に|へ)\s*(は)?\s*(ご)?返信(しないで|なさらないで|いただいても)",
                @"\b(r[ée]ponse|message|e-?mail|courriel)\s+automatique\b|\b(g[ée]n[ée]r[ée]e?|envoy[ée]e?)\s+automatiquement\b|\bne\s+(pas\s+)?r[ée]pondre\s+[àa]\s+(ce|cet)\s+(message|e-?mail|courriel)\b|\bne\s+r[ée]pondez\s+pas\b",
                @"\b(respuesta|mensaje|correo|e-?mail)\s+autom[aá]tic[oa]\b|\b(generad[oa]|enviad[oa]|env[ií]a)\s+autom[aá]ticamente\b|\bno\s+(responda|conteste|respondas)\s+a\s+(este|esta)\s+(mensaje|correo|e-?mail)\b",
                @"\b(risposta|messaggio|e-?mail|mail)\s+automatic[oa]\b|\b(generat[oa]|inviat[oa]|spedit[oa])\s+automaticamente\b|\bnon\s+(rispondere|risponda)\s+a\s+(questo|questa)\s+(messaggio|e-?mail|mail)\b",

                // Dutch, Polish, Swedish, Turkish.
                @"\bautomatische?\s+(antwoord|bericht|e-?mail|reactie)\b|\bautomatisch\s+(gegenereerd|verzonden|verstuurd|aangemaakt)\b|\b(gelieve|graag)\s+niet\s+(te\s+)?(antwoorden|reageren)\b|\b(beantwoord|antwoord\s+op)\s+(dit\s+bericht|deze\s+e-?mail)\s+niet\b",
                Loose(@"\bautomatyczn\w*\s+(odpowied\w*|wiadomoś\w*)|\b(wiadomoś|odpowied)\w*\s+automatyczn\w*|\b(wygenerowan|wysłan)\w*\s+automatycznie|\bautomatycznie\s+(wygenerowan|wysłan)\w*|\bnie\s+odpowiadać\s+na\s+(tę|tą|ten|tej)\s+(wiadomoś|e-?mail|mail)\w*"),
                Loose(@"\bautomatiskt?\s+(svar|meddelande|mejl|e-?post)\b|\b(genererats|skickats|skapats)\s+automatiskt\b|\bautomatiskt\s+(genererat|skickat|skapat)\b|\bsvara\s+inte\s+på\s+(detta|det\s+här)\s+(meddelande|mejl|e-?post)"),
                Loose(@"\botomatik\s+(bir\s+)?(yanıt|cevap|mesaj|e-?posta)\w*|\botomatik\s+olarak\s+(oluşturul|gönderil)\w*|\bmesaj\w*\s+(yanıtlamay|cevaplamay)\w*|\byanıt\s+vermeyin"),
            ],
        },
    ];

    /// <summary>
    /// <paramref name="words"/> (a group) at a word start, unless <paramref name="notAfter"/> comes just before them. The
    /// look-behind follows the words rather than preceding them, so it is tried only where the words are, not at every
    /// position of the text.
    /// </summary>
    private static string NotAfter(string notAfter, string words) => @"\b" + words + "(?<!(" + notAfter + ")" + words + ")";

    /// <summary>
    /// <paramref name="pattern"/> with its Polish, Swedish and Turkish letters optional, as buyers and sellers leave them out
    /// ("prosze usunac", "andra din recension", "lutfen yorumunuzu kaldirin"): "ą" becomes "[ąa]", and inside a
    /// character class "[aeią]" becomes "[aeiąa]". "ı" accepts "i" (a dotless i typed without its keyboard), not the reverse.
    /// </summary>
    private static string Loose(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            var plain = Plain(c);
            if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
                if (plain != c)
                {
                    builder.Append(plain);
                }
            }
            else if (plain != c)
            {
                builder.Append('[').Append(c).Append(plain).Append(']');
            }
            else
            {
                inClass = c == '[';
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static char Plain(char c) => c switch
    {
        'ą' or 'å' or 'ä' => 'a',
        'ć' or 'ç' => 'c',
        'ę' => 'e',
        'ğ' => 'g',
        'ı' => 'i',
        'ł' => 'l',
        'ń' => 'n',
        'ó' or 'ö' => 'o',
        'ś' or 'ş' => 's',
        'ü' => 'u',
        'ź' or 'ż' => 'z',
        _ => c,
    };
}
