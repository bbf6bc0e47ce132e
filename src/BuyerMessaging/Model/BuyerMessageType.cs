namespace BuyerMessaging;

/// <summary>The kind of buyer inquiry (購入者メッセージタイプ), from Amazon's subject or inferred from the text.</summary>
public enum BuyerMessageType
{
    /// <summary>Not known or none of the others.</summary>
    Other,

    /// <summary>Shipping and delivery (出荷と配達).</summary>
    ShippingInquiry,

    /// <summary>Return request (返品).</summary>
    ReturnRequest,

    /// <summary>Damaged or defective item (不良品 / 損傷商品).</summary>
    DamagedOrDefective,

    /// <summary>Wrong item received (商品違い).</summary>
    WrongItem,

    /// <summary>Question about a product before or after buying (商品詳細に関するお問い合わせ).</summary>
    ProductDetails,

    /// <summary>Question about an order (注文情報に関するお問い合わせ).</summary>
    OrderInformation,

    /// <summary>Product customisation inquiry.</summary>
    ProductCustomization,

    /// <summary>Cancellation request (キャンセル).</summary>
    Cancellation,

    /// <summary>Refund question (返金).</summary>
    Refund,

    /// <summary>Address change (住所変更).</summary>
    AddressChange,

    /// <summary>Invoice or receipt request (領収書).</summary>
    Invoice,

    /// <summary>An A-to-Z Guarantee claim notification.</summary>
    AtoZClaim,
}
