namespace BuyerMessaging;

/// <summary>
/// The default data of the content check: phrase rules in English, Japanese and German, attachment types and link
/// domains, drawn from Amazon's Communication Guidelines (see ../shared/amazon-relay/GUIDELINES.md).
/// </summary>
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
    ];

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
                @"(?<!\b(thanks?|thank you|grateful|appreciate|danke|dank|vielen dank)\s+(you\s+)?((for|für)\s+)?(your|the|ihre|die)\s+)\b(positive|good|great|excellent|glowing|favou?rable|5[- ]?stars?|five[- ]?stars?)\s+(product\s+|seller\s+)?(reviews?|feedback|ratings?)\b",
                @"\b(rate|review)\s+(us|it|the product|our product|this product)\s+(with\s+)?(5|five)\s+stars?\b",
                @"★★★★★|☆☆☆☆☆",
                @"(高評価|星\s*5|5\s*つ星|五つ星|星5つ|最高評価|満点評価|(良い|よい|高い|いい)(評価|レビュー))(?!を?(いただき|頂き)(まして)?、?(誠に|本当に|大変)?(ありがとう|感謝))",
                @"(?<!\b(thanks?|thank you|grateful|appreciate|danke|dank|vielen dank)\s+(you\s+)?((for|für)\s+)?(your|the|ihre|die)\s+)\b(positive|gute|guten|sehr gute|5[- ]?sterne|fünf[- ]?sterne)[a-zäöüß-]*\s+(bewertung|bewertungen|rezension|rezensionen|feedback)\b",
                @"\bmit\s+(5|fünf)\s+sternen\b",
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
                @"\b(change|remove|delete|update|revise|edit|take down|withdraw|modify|reconsider)\s+(your\s+|the\s+|this\s+|that\s+)?(negative\s+|bad\s+|poor\s+|low\s+|1[- ]?star\s+|one[- ]?star\s+)?(reviews?|feedback|ratings?)\b",
                @"(評価|レビュー|フィードバック)\s*(を|の)?\s*(変更|削除|取り消|取消|取り下げ|取下げ|修正|書き換え|消して|見直して)",
                @"(低評価|悪い評価|星\s*1)[^。\n]{0,15}(変更|削除|取り消|取り下げ|修正)",
                @"\b(bewertung|rezension|feedback)\s+(zu\s+)?(ändern|entfernen|löschen|zurückziehen|zurückzuziehen|anpassen|überarbeiten)\b",
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
                @"(?<!\b(danke|dank)\s+)\b(gegen|für)\s+(eine|ihre)\s+([a-zäöüß-]+\s+)?(bewertung|rezension)\b",
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
                @"\b(leave|write|post|give|submit|share)\s+(us\s+|me\s+)?(a\s+|an\s+|your\s+|some\s+)?(honest\s+|quick\s+|short\s+)?(reviews?|feedback|ratings?)\b",
                @"\b(please|kindly)\s+(review|rate)\s+(us|the product|our product|this product|your purchase)\b(?!\s+(page|manual|listing|description|details|instructions|guide))",
                @"(レビュー|評価|フィードバック)\s*(を|の)?\s*(お願い|ご記入|書いて|投稿|残して|いただけ|頂け)",
                @"\b(bewertung|rezension|feedback)\s+(abgeben|hinterlassen|schreiben|abzugeben|zu hinterlassen|zu schreiben)\b",
                @"\bbitte\s+(bewerten|eine bewertung|eine rezension)\b",
                @"\b(hinterlassen|schreiben|geben)\s+sie\s+(uns\s+)?(eine|ihre)\s+([a-zäöüß-]+\s+)?(bewertung|rezension|feedback)\b",
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
                @"(a-?z|a\s*to\s*z|aマイナスz|a〜z|a~z|aからz|マーケットプレイス保証|チャージバック|申し立て|申立て)[^。\n]{0,20}(取り下げ|取下げ|取り消|取消|キャンセル|クローズ|閉じ|撤回|オフに|終了|解除)",
                @"\b(a-bis-z|a-bis-z-garantie|a-z-garantie|garantieantrag|garantie-antrag|antrag|rückbuchung|reklamation)\b[^.!?\n]{0,40}\b(zurückziehen|zurückzuziehen|zurücknehmen|zurückzunehmen|schließen|zu schließen|stornieren|zu stornieren)\b",
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
                @"\b(coupons?\s+codes?|promo(tion(al)?)?\s+codes?|discount\s+codes?|voucher\s+codes?)\b",
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
                @"\b(gutscheincode|rabattcode|aktionscode|promo-?code)s?\b",
                @"\b(erhalten sie|schenken ihnen|senden ihnen|bieten ihnen)\s+(einen|ihren)\s+([a-zäöüß-]+\s+)?gutschein\b",
                @"\b\d{1,2}\s?% rabatt\b",
                @"\bunsere?n?\s+neuen?\s+(produkte|kollektion|artikel)\b",
                @"\bneue produkte\b",
                @"\b(besuchen|folgen)\s+sie\s+uns\b",
                @"\bbesuchen\s+sie\s+unseren?\s+(shop|store|webseite|website|online-?shop)\b",
                @"\b(newsletter|sonderangebot|sonderangebote)\b",
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
            ],
        },
    ];
}
