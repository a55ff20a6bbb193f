namespace Trainer;

/// <summary>Where the trained model is loaded from at run time.</summary>
public static class Model
{
    public const string File = "model.zip";
}
