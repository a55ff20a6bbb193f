namespace MlopsCi.Core.Monitoring;

/// <summary>What wrote a monitoring record.</summary>
public enum MonitoringKind
{
    /// <summary><c>mlops monitor</c>: a registered model scored on newer labelled data.</summary>
    Monitor,

    /// <summary><c>mlops retrain</c>: a model retrained on the latest data and compared with the champion.</summary>
    Retrain,
}
