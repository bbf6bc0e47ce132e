namespace BuyerMessaging;

/// <summary>The base of every domain failure of BuyerMessaging; catch a child to act on its meaning.</summary>
public abstract class BuyerMessagingException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="BuyerMessagingException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected BuyerMessagingException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
