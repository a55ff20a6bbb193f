namespace MlopsCi.Testing;

/// <summary>What <see cref="FaultInjectingProxy"/> does to one request instead of passing it through.</summary>
public enum FaultKind
{
    /// <summary>Answers 500 InternalError without forwarding (the server never sees the request).</summary>
    ErrorBeforeForwarding,

    /// <summary>Answers 503 SlowDown without forwarding (throttling).</summary>
    ThrottleBeforeForwarding,

    /// <summary>Forwards the request, drops the server's answer and answers 500 (the request DID take effect).</summary>
    ErrorAfterForwarding,

    /// <summary>Resets the client connection without forwarding.</summary>
    ResetBeforeForwarding,

    /// <summary>Forwards the request, then resets the client connection instead of answering (it DID take effect).</summary>
    ResetAfterForwarding,

    /// <summary>Sends the response head and half the body, then resets the connection.</summary>
    TruncateResponse,

    /// <summary>Waits up to <see cref="FaultInjectionOptions.MaxDelay"/>, then forwards normally (may outlast client timeouts).</summary>
    Delay,
}
