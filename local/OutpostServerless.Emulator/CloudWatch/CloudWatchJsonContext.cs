using System.Text.Json.Serialization;
using OutpostServerless.Aws.CloudWatch;
using OutpostServerless.Emulator.Wire.Protocols;

namespace OutpostServerless.Emulator.CloudWatch;

/// <summary>CloudWatch's awsJson1_0: PascalCase members, timestamps as epoch seconds.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(GetMetricDataRequest))]
[JsonSerializable(typeof(GetMetricDataResponse))]
internal sealed partial class CloudWatchJsonContext : JsonSerializerContext;
