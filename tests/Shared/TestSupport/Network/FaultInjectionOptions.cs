namespace MlopsCi.Testing;

/// <summary>How often and how <see cref="FaultInjectingProxy"/> misbehaves.</summary>
public sealed record FaultInjectionOptions
{
    /// <summary>Passes everything through untouched (still counts requests).</summary>
    public static FaultInjectionOptions None { get; } = new() { FailureRate = 0, DelayRate = 0 };

    /// <summary>Share of requests that get one of <see cref="Kinds"/> other than <see cref="FaultKind.Delay"/>.</summary>
    public double FailureRate { get; init; } = 0.15;

    /// <summary>Share of requests that are delayed (on top of <see cref="FailureRate"/>).</summary>
    public double DelayRate { get; init; } = 0.05;

    /// <summary>Longest injected delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The failures to choose from (uniformly).</summary>
    public IReadOnlyList<FaultKind> Kinds { get; init; } =
    [
        FaultKind.ErrorBeforeForwarding, FaultKind.ThrottleBeforeForwarding, FaultKind.ErrorAfterForwarding,
        FaultKind.ResetBeforeForwarding, FaultKind.ResetAfterForwarding, FaultKind.TruncateResponse,
    ];

    /// <summary>Seed of the fault dice, for reproducible runs; null for a random one.</summary>
    public int? Seed { get; init; }

    /// <summary>
    /// Makes the server look as if it ignored conditional writes: If-Match / If-None-Match requests that the server
    /// refuses with 412 are answered 200 instead (the write is not applied). Used to test the conditional-write probe.
    /// </summary>
    public bool IgnoreConditionalWrites { get; init; }

    /// <summary>
    /// Removes If-Match / If-None-Match from requests before forwarding them, so the server applies them unconditionally
    /// (a server that ignores conditional writes). The client signs those headers, so such requests are re-signed with
    /// <see cref="ResignWith"/>; without it the server rejects them (403 SignatureDoesNotMatch).
    /// </summary>
    public bool StripConditionalHeaders { get; init; }

    /// <summary>Credentials to re-sign requests the proxy changed (see <see cref="StripConditionalHeaders"/>).</summary>
    public SigV4Resigner? ResignWith { get; init; }

    /// <summary>Called with every request head as received (before any change), e.g. to assert on headers.</summary>
    public Action<HttpHead>? OnRequest { get; init; }

    /// <summary>
    /// Called after each request with its head, the fault applied (null: none) and the server's status (null: the
    /// request was not forwarded, or no answer came), e.g. to log what happened in a failing test.
    /// </summary>
    public Action<HttpHead, FaultKind?, int?>? OnExchange { get; init; }

    /// <summary>Only requests for which this returns true may get a fault (method, path and query); null for all.</summary>
    public Func<string, string, bool>? Filter { get; init; }
}
