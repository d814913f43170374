namespace OutpostServerless.Emulator.Ssm;

/// <summary>GetParameter's input as SSM receives it (botocore's <c>ssm</c> model: Name required, WithDecryption optional).</summary>
internal sealed record SsmGetParameterRequest(string? Name, bool? WithDecryption);
