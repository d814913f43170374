namespace OutpostServerless.Aws.Ssm;

/// <summary>The output of GetParameter as it arrives; an absent parameter is reported by name.</summary>
public sealed record SsmParameterOutput(Parameter? Parameter);
