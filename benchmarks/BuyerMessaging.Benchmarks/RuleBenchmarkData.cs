namespace BuyerMessaging.Benchmarks;

/// <summary>
/// The 100 rules of <see cref="RuleBenchmarks"/>: subject and body contains (English, Japanese, German words), sender
/// ends with, message type and language, subject with "has an order"; every tenth sets a status, the others add a
/// tag. <see cref="IfChain"/> is the same 100 checks written out by hand, the baseline.
/// </summary>
internal static class RuleBenchmarkData
{
    public static Rule[] Rules { get; } =
    [
        Rule(0, [RuleCondition.SubjectContains("parcel")], RuleAction.AddTag("t0")),
        Rule(1, [RuleCondition.BodyContains("refund")], RuleAction.AddTag("t1")),
        Rule(2, [RuleCondition.SenderEndsWith("@example.com")], RuleAction.AddTag("t2")),
        Rule(3, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ShippingInquiry), RuleCondition.LanguageIsOneOf("de")], RuleAction.AddTag("t3")),
        Rule(4, [RuleCondition.SubjectContains("cancel"), RuleCondition.HasOrder()], RuleAction.AddTag("t4")),
        Rule(5, [RuleCondition.SubjectContains("address")], RuleAction.AddTag("t5")),
        Rule(6, [RuleCondition.BodyContains("warranty")], RuleAction.AddTag("t6")),
        Rule(7, [RuleCondition.SenderEndsWith("@mail.example")], RuleAction.SetStatus(ConversationStatus.Pending)),
        Rule(8, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ReturnRequest), RuleCondition.LanguageIsOneOf("fr")], RuleAction.AddTag("t8")),
        Rule(9, [RuleCondition.SubjectContains("wrong"), RuleCondition.HasOrder()], RuleAction.AddTag("t9")),
        Rule(10, [RuleCondition.SubjectContains("damaged")], RuleAction.AddTag("t10")),
        Rule(11, [RuleCondition.BodyContains("return")], RuleAction.AddTag("t11")),
        Rule(12, [RuleCondition.SenderEndsWith("@shop.example")], RuleAction.AddTag("t12")),
        Rule(13, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.DamagedOrDefective), RuleCondition.LanguageIsOneOf("it")], RuleAction.AddTag("t13")),
        Rule(14, [RuleCondition.SubjectContains("manual"), RuleCondition.HasOrder()], RuleAction.AddTag("t14")),
        Rule(15, [RuleCondition.SubjectContains("battery")], RuleAction.AddTag("t15")),
        Rule(16, [RuleCondition.BodyContains("charger")], RuleAction.AddTag("t16")),
        Rule(17, [RuleCondition.SenderEndsWith("@partner.example")], RuleAction.SetStatus(ConversationStatus.Pending)),
        Rule(18, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.WrongItem), RuleCondition.LanguageIsOneOf("es")], RuleAction.AddTag("t18")),
        Rule(19, [RuleCondition.SubjectContains("gift"), RuleCondition.HasOrder()], RuleAction.AddTag("t19")),
        Rule(20, [RuleCondition.SubjectContains("coupon")], RuleAction.AddTag("t20")),
        Rule(21, [RuleCondition.BodyContains("exchange")], RuleAction.AddTag("t21")),
        Rule(22, [RuleCondition.SenderEndsWith("@supplier.example")], RuleAction.AddTag("t22")),
        Rule(23, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ProductDetails), RuleCondition.LanguageIsOneOf("nl")], RuleAction.AddTag("t23")),
        Rule(24, [RuleCondition.SubjectContains("leak"), RuleCondition.HasOrder()], RuleAction.AddTag("t24")),
        Rule(25, [RuleCondition.SubjectContains("noise")], RuleAction.AddTag("t25")),
        Rule(26, [RuleCondition.BodyContains("smell")], RuleAction.AddTag("t26")),
        Rule(27, [RuleCondition.SenderEndsWith("@carrier.example")], RuleAction.SetStatus(ConversationStatus.Pending)),
        Rule(28, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.OrderInformation), RuleCondition.LanguageIsOneOf("pl")], RuleAction.AddTag("t28")),
        Rule(29, [RuleCondition.SubjectContains("duty"), RuleCondition.HasOrder()], RuleAction.AddTag("t29")),
        Rule(30, [RuleCondition.SubjectContains("deposit")], RuleAction.AddTag("t30")),
        Rule(31, [RuleCondition.BodyContains("voucher")], RuleAction.AddTag("t31")),
        Rule(32, [RuleCondition.SenderEndsWith("@bank.example")], RuleAction.AddTag("t32")),
        Rule(33, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.Cancellation), RuleCondition.LanguageIsOneOf("sv")], RuleAction.AddTag("t33")),
        Rule(34, [RuleCondition.SubjectContains("sample"), RuleCondition.HasOrder()], RuleAction.AddTag("t34")),
        Rule(35, [RuleCondition.SubjectContains("catalog")], RuleAction.AddTag("t35")),
        Rule(36, [RuleCondition.BodyContains("price")], RuleAction.AddTag("t36")),
        Rule(37, [RuleCondition.SenderEndsWith("@agency.example")], RuleAction.SetStatus(ConversationStatus.Pending)),
        Rule(38, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.Refund), RuleCondition.LanguageIsOneOf("tr")], RuleAction.AddTag("t38")),
        Rule(39, [RuleCondition.SubjectContains("preorder"), RuleCondition.HasOrder()], RuleAction.AddTag("t39")),
        Rule(40, [RuleCondition.SubjectContains("配達")], RuleAction.AddTag("t40")),
        Rule(41, [RuleCondition.BodyContains("返品")], RuleAction.AddTag("t41")),
        Rule(42, [RuleCondition.SenderEndsWith("@press.example")], RuleAction.AddTag("t42")),
        Rule(43, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.AddressChange), RuleCondition.LanguageIsOneOf("zh")], RuleAction.AddTag("t43")),
        Rule(44, [RuleCondition.SubjectContains("請求書"), RuleCondition.HasOrder()], RuleAction.AddTag("t44")),
        Rule(45, [RuleCondition.SubjectContains("キャンセル")], RuleAction.AddTag("t45")),
        Rule(46, [RuleCondition.BodyContains("住所")], RuleAction.AddTag("t46")),
        Rule(47, [RuleCondition.SenderEndsWith("@test.example")], RuleAction.SetStatus(ConversationStatus.Pending)),
        Rule(48, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.Invoice), RuleCondition.LanguageIsOneOf("ko")], RuleAction.AddTag("t48")),
        Rule(49, [RuleCondition.SubjectContains("不良"), RuleCondition.HasOrder()], RuleAction.AddTag("t49")),
        Rule(50, [RuleCondition.SubjectContains("lieferung")], RuleAction.AddTag("t50")),
        Rule(51, [RuleCondition.BodyContains("rückgabe")], RuleAction.AddTag("t51")),
        Rule(52, [RuleCondition.SenderEndsWith("@example.com")], RuleAction.AddTag("t52")),
        Rule(53, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.AtoZClaim), RuleCondition.LanguageIsOneOf("de")], RuleAction.AddTag("t53")),
        Rule(54, [RuleCondition.SubjectContains("rechnung"), RuleCondition.HasOrder()], RuleAction.AddTag("t54")),
        Rule(55, [RuleCondition.SubjectContains("stornierung")], RuleAction.AddTag("t55")),
        Rule(56, [RuleCondition.BodyContains("adresse")], RuleAction.AddTag("t56")),
        Rule(57, [RuleCondition.SenderEndsWith("@mail.example")], RuleAction.SetStatus(ConversationStatus.Pending)),
        Rule(58, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ShippingInquiry), RuleCondition.LanguageIsOneOf("fr")], RuleAction.AddTag("t58")),
        Rule(59, [RuleCondition.SubjectContains("falsch"), RuleCondition.HasOrder()], RuleAction.AddTag("t59")),
        Rule(60, [RuleCondition.SubjectContains("parcel")], RuleAction.AddTag("t60")),
        Rule(61, [RuleCondition.BodyContains("refund")], RuleAction.AddTag("t61")),
        Rule(62, [RuleCondition.SenderEndsWith("@shop.example")], RuleAction.AddTag("t62")),
        Rule(63, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ReturnRequest), RuleCondition.LanguageIsOneOf("it")], RuleAction.AddTag("t63")),
        Rule(64, [RuleCondition.SubjectContains("cancel"), RuleCondition.HasOrder()], RuleAction.AddTag("t64")),
        Rule(65, [RuleCondition.SubjectContains("address")], RuleAction.AddTag("t65")),
        Rule(66, [RuleCondition.BodyContains("warranty")], RuleAction.AddTag("t66")),
        Rule(67, [RuleCondition.SenderEndsWith("@partner.example")], RuleAction.SetStatus(ConversationStatus.Pending)),
        Rule(68, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.DamagedOrDefective), RuleCondition.LanguageIsOneOf("es")], RuleAction.AddTag("t68")),
        Rule(69, [RuleCondition.SubjectContains("wrong"), RuleCondition.HasOrder()], RuleAction.AddTag("t69")),
        Rule(70, [RuleCondition.SubjectContains("damaged")], RuleAction.AddTag("t70")),
        Rule(71, [RuleCondition.BodyContains("return")], RuleAction.AddTag("t71")),
        Rule(72, [RuleCondition.SenderEndsWith("@supplier.example")], RuleAction.AddTag("t72")),
        Rule(73, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.WrongItem), RuleCondition.LanguageIsOneOf("nl")], RuleAction.AddTag("t73")),
        Rule(74, [RuleCondition.SubjectContains("manual"), RuleCondition.HasOrder()], RuleAction.AddTag("t74")),
        Rule(75, [RuleCondition.SubjectContains("battery")], RuleAction.AddTag("t75")),
        Rule(76, [RuleCondition.BodyContains("charger")], RuleAction.AddTag("t76")),
        Rule(77, [RuleCondition.SenderEndsWith("@carrier.example")], RuleAction.SetStatus(ConversationStatus.Pending)),
        Rule(78, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.ProductDetails), RuleCondition.LanguageIsOneOf("pl")], RuleAction.AddTag("t78")),
        Rule(79, [RuleCondition.SubjectContains("gift"), RuleCondition.HasOrder()], RuleAction.AddTag("t79")),
        Rule(80, [RuleCondition.SubjectContains("coupon")], RuleAction.AddTag("t80")),
        Rule(81, [RuleCondition.BodyContains("exchange")], RuleAction.AddTag("t81")),
        Rule(82, [RuleCondition.SenderEndsWith("@bank.example")], RuleAction.AddTag("t82")),
        Rule(83, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.OrderInformation), RuleCondition.LanguageIsOneOf("sv")], RuleAction.AddTag("t83")),
        Rule(84, [RuleCondition.SubjectContains("leak"), RuleCondition.HasOrder()], RuleAction.AddTag("t84")),
        Rule(85, [RuleCondition.SubjectContains("noise")], RuleAction.AddTag("t85")),
        Rule(86, [RuleCondition.BodyContains("smell")], RuleAction.AddTag("t86")),
        Rule(87, [RuleCondition.SenderEndsWith("@agency.example")], RuleAction.SetStatus(ConversationStatus.Pending)),
        Rule(88, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.Cancellation), RuleCondition.LanguageIsOneOf("tr")], RuleAction.AddTag("t88")),
        Rule(89, [RuleCondition.SubjectContains("duty"), RuleCondition.HasOrder()], RuleAction.AddTag("t89")),
        Rule(90, [RuleCondition.SubjectContains("deposit")], RuleAction.AddTag("t90")),
        Rule(91, [RuleCondition.BodyContains("voucher")], RuleAction.AddTag("t91")),
        Rule(92, [RuleCondition.SenderEndsWith("@press.example")], RuleAction.AddTag("t92")),
        Rule(93, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.Refund), RuleCondition.LanguageIsOneOf("zh")], RuleAction.AddTag("t93")),
        Rule(94, [RuleCondition.SubjectContains("sample"), RuleCondition.HasOrder()], RuleAction.AddTag("t94")),
        Rule(95, [RuleCondition.SubjectContains("catalog")], RuleAction.AddTag("t95")),
        Rule(96, [RuleCondition.BodyContains("price")], RuleAction.AddTag("t96")),
        Rule(97, [RuleCondition.SenderEndsWith("@test.example")], RuleAction.SetStatus(ConversationStatus.Pending)),
        Rule(98, [RuleCondition.MessageTypeIsOneOf(BuyerMessageType.AddressChange), RuleCondition.LanguageIsOneOf("ko")], RuleAction.AddTag("t98")),
        Rule(99, [RuleCondition.SubjectContains("preorder"), RuleCondition.HasOrder()], RuleAction.AddTag("t99")),
    ];

    /// <summary>The same checks as <see cref="Rules"/>, in the same order, on text folded once like the engine folds it.</summary>
    public static (ConversationStatus? Status, List<string>? Tags) IfChain(RuleInput input)
    {
        var subject = TextFolding.Fold(input.Subject);
        var body = TextFolding.Fold(input.Body);
        var sender = TextFolding.Fold(input.Sender);
        var language = input.Language;
        ConversationStatus? status = null;
        List<string>? tags = null;
        if (subject.Contains("parcel", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t0");
        }

        if (body.Contains("refund", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t1");
        }

        if (sender.EndsWith("@example.com", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t2");
        }

        if (input.MessageType == BuyerMessageType.ShippingInquiry && language == "de")
        {
            (tags ??= []).Add("t3");
        }

        if (subject.Contains("cancel", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t4");
        }

        if (subject.Contains("address", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t5");
        }

        if (body.Contains("warranty", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t6");
        }

        if (sender.EndsWith("@mail.example", StringComparison.Ordinal))
        {
            status = ConversationStatus.Pending;
        }

        if (input.MessageType == BuyerMessageType.ReturnRequest && language == "fr")
        {
            (tags ??= []).Add("t8");
        }

        if (subject.Contains("wrong", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t9");
        }

        if (subject.Contains("damaged", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t10");
        }

        if (body.Contains("return", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t11");
        }

        if (sender.EndsWith("@shop.example", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t12");
        }

        if (input.MessageType == BuyerMessageType.DamagedOrDefective && language == "it")
        {
            (tags ??= []).Add("t13");
        }

        if (subject.Contains("manual", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t14");
        }

        if (subject.Contains("battery", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t15");
        }

        if (body.Contains("charger", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t16");
        }

        if (sender.EndsWith("@partner.example", StringComparison.Ordinal))
        {
            status = ConversationStatus.Pending;
        }

        if (input.MessageType == BuyerMessageType.WrongItem && language == "es")
        {
            (tags ??= []).Add("t18");
        }

        if (subject.Contains("gift", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t19");
        }

        if (subject.Contains("coupon", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t20");
        }

        if (body.Contains("exchange", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t21");
        }

        if (sender.EndsWith("@supplier.example", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t22");
        }

        if (input.MessageType == BuyerMessageType.ProductDetails && language == "nl")
        {
            (tags ??= []).Add("t23");
        }

        if (subject.Contains("leak", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t24");
        }

        if (subject.Contains("noise", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t25");
        }

        if (body.Contains("smell", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t26");
        }

        if (sender.EndsWith("@carrier.example", StringComparison.Ordinal))
        {
            status = ConversationStatus.Pending;
        }

        if (input.MessageType == BuyerMessageType.OrderInformation && language == "pl")
        {
            (tags ??= []).Add("t28");
        }

        if (subject.Contains("duty", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t29");
        }

        if (subject.Contains("deposit", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t30");
        }

        if (body.Contains("voucher", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t31");
        }

        if (sender.EndsWith("@bank.example", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t32");
        }

        if (input.MessageType == BuyerMessageType.Cancellation && language == "sv")
        {
            (tags ??= []).Add("t33");
        }

        if (subject.Contains("sample", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t34");
        }

        if (subject.Contains("catalog", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t35");
        }

        if (body.Contains("price", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t36");
        }

        if (sender.EndsWith("@agency.example", StringComparison.Ordinal))
        {
            status = ConversationStatus.Pending;
        }

        if (input.MessageType == BuyerMessageType.Refund && language == "tr")
        {
            (tags ??= []).Add("t38");
        }

        if (subject.Contains("preorder", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t39");
        }

        if (subject.Contains("配達", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t40");
        }

        if (body.Contains("返品", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t41");
        }

        if (sender.EndsWith("@press.example", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t42");
        }

        if (input.MessageType == BuyerMessageType.AddressChange && language == "zh")
        {
            (tags ??= []).Add("t43");
        }

        if (subject.Contains("請求書", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t44");
        }

        if (subject.Contains("キャンセル", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t45");
        }

        if (body.Contains("住所", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t46");
        }

        if (sender.EndsWith("@test.example", StringComparison.Ordinal))
        {
            status = ConversationStatus.Pending;
        }

        if (input.MessageType == BuyerMessageType.Invoice && language == "ko")
        {
            (tags ??= []).Add("t48");
        }

        if (subject.Contains("不良", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t49");
        }

        if (subject.Contains("lieferung", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t50");
        }

        if (body.Contains("rückgabe", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t51");
        }

        if (sender.EndsWith("@example.com", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t52");
        }

        if (input.MessageType == BuyerMessageType.AtoZClaim && language == "de")
        {
            (tags ??= []).Add("t53");
        }

        if (subject.Contains("rechnung", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t54");
        }

        if (subject.Contains("stornierung", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t55");
        }

        if (body.Contains("adresse", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t56");
        }

        if (sender.EndsWith("@mail.example", StringComparison.Ordinal))
        {
            status = ConversationStatus.Pending;
        }

        if (input.MessageType == BuyerMessageType.ShippingInquiry && language == "fr")
        {
            (tags ??= []).Add("t58");
        }

        if (subject.Contains("falsch", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t59");
        }

        if (subject.Contains("parcel", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t60");
        }

        if (body.Contains("refund", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t61");
        }

        if (sender.EndsWith("@shop.example", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t62");
        }

        if (input.MessageType == BuyerMessageType.ReturnRequest && language == "it")
        {
            (tags ??= []).Add("t63");
        }

        if (subject.Contains("cancel", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t64");
        }

        if (subject.Contains("address", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t65");
        }

        if (body.Contains("warranty", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t66");
        }

        if (sender.EndsWith("@partner.example", StringComparison.Ordinal))
        {
            status = ConversationStatus.Pending;
        }

        if (input.MessageType == BuyerMessageType.DamagedOrDefective && language == "es")
        {
            (tags ??= []).Add("t68");
        }

        if (subject.Contains("wrong", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t69");
        }

        if (subject.Contains("damaged", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t70");
        }

        if (body.Contains("return", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t71");
        }

        if (sender.EndsWith("@supplier.example", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t72");
        }

        if (input.MessageType == BuyerMessageType.WrongItem && language == "nl")
        {
            (tags ??= []).Add("t73");
        }

        if (subject.Contains("manual", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t74");
        }

        if (subject.Contains("battery", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t75");
        }

        if (body.Contains("charger", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t76");
        }

        if (sender.EndsWith("@carrier.example", StringComparison.Ordinal))
        {
            status = ConversationStatus.Pending;
        }

        if (input.MessageType == BuyerMessageType.ProductDetails && language == "pl")
        {
            (tags ??= []).Add("t78");
        }

        if (subject.Contains("gift", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t79");
        }

        if (subject.Contains("coupon", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t80");
        }

        if (body.Contains("exchange", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t81");
        }

        if (sender.EndsWith("@bank.example", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t82");
        }

        if (input.MessageType == BuyerMessageType.OrderInformation && language == "sv")
        {
            (tags ??= []).Add("t83");
        }

        if (subject.Contains("leak", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t84");
        }

        if (subject.Contains("noise", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t85");
        }

        if (body.Contains("smell", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t86");
        }

        if (sender.EndsWith("@agency.example", StringComparison.Ordinal))
        {
            status = ConversationStatus.Pending;
        }

        if (input.MessageType == BuyerMessageType.Cancellation && language == "tr")
        {
            (tags ??= []).Add("t88");
        }

        if (subject.Contains("duty", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t89");
        }

        if (subject.Contains("deposit", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t90");
        }

        if (body.Contains("voucher", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t91");
        }

        if (sender.EndsWith("@press.example", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t92");
        }

        if (input.MessageType == BuyerMessageType.Refund && language == "zh")
        {
            (tags ??= []).Add("t93");
        }

        if (subject.Contains("sample", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t94");
        }

        if (subject.Contains("catalog", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t95");
        }

        if (body.Contains("price", StringComparison.Ordinal))
        {
            (tags ??= []).Add("t96");
        }

        if (sender.EndsWith("@test.example", StringComparison.Ordinal))
        {
            status = ConversationStatus.Pending;
        }

        if (input.MessageType == BuyerMessageType.AddressChange && language == "ko")
        {
            (tags ??= []).Add("t98");
        }

        if (subject.Contains("preorder", StringComparison.Ordinal) && input.HasOrder)
        {
            (tags ??= []).Add("t99");
        }

        return (status, tags);
    }

    private static Rule Rule(int i, RuleCondition[] conditions, RuleAction action) => new()
    {
        Id = new RuleId(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"r{i}")),
        Name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Rule {i}"),
        Order = i,
        Conditions = conditions,
        Actions = [action],
    };
}
