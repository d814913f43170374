using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using OutpostServerless.Provisioning.Request;

namespace OutpostServerless.Cli.Tests.Chaos;

/// <summary>
/// CsCheck generators of requests that are wrong in exactly one way each: a wrong JSON type, a missing
/// required member, a bad CIDR or ARN, a value out of range, an over-long string, a control character,
/// non-ASCII where AWS takes ASCII only, an unknown member, a payload over Step Functions' 256 KiB, or
/// no object at all. Every one must be refused; none may be fixable by defaults.
/// </summary>
internal static class MalformedRequests
{
    private static readonly string[] StringFields =
    [
        "provisioningId", "outpostArn", "availabilityZoneId", "network.subnetCidr", "network.vpcCidr", "cluster.instanceType",
        "cluster.name", "cluster.keyName", "cluster.imagePullBehavior", "workload.mode", "workload.taskDefinition.family",
        "onFailure", "iam.roleName",
    ];

    private static readonly string[] IntegerFields = ["cluster.instanceCount", "workload.desiredCount", "capacityWait.maxSeconds", "capacityWait.pollSeconds"];

    private static readonly string[] ObjectFields = ["network", "cluster", "workload", "workload.taskDefinition", "iam", "capacityWait"];

    private static readonly string[] RequiredFields =
    [
        "outpostArn", "availabilityZoneId", "network", "cluster", "workload", "network.subnetCidr", "cluster.instanceType",
        "cluster.instanceCount", "workload.mode", "workload.taskDefinition", "workload.taskDefinition.family",
        "workload.taskDefinition.containerDefinitions",
    ];

    // Fields whose pattern admits only ASCII, so any other letter is refused.
    private static readonly string[] AsciiFields = ["provisioningId", "cluster.name", "workload.taskDefinition.family", "iam.roleName", "cluster.instanceType"];

    // Our own strings (not ECS's task definition shape, where a command may hold a line break).
    private static readonly string[] PlainTextFields = ["provisioningId", "cluster.name", "iam.roleName", "cluster.keyName", "cluster.containerInstanceTags.environment"];

    private static readonly (string Field, int Below, int Above)[] Ranges =
    [
        ("cluster.instanceCount", 1, 100), ("workload.desiredCount", 0, 1000), ("capacityWait.maxSeconds", 0, 86_400), ("capacityWait.pollSeconds", 10, 3600),
    ];

    private static readonly string[] Unicode = ["é", "ß", "中文", "🚀", "\u202Eevil", "e\u0301", "\u200B", "Ω", "ｆｕｌｌ", "𝔘"];

    private static readonly char[] ControlCharacters = ['\0', '\a', '\b', '\t', '\n', '\v', '\f', '\r', '\u001b', '\u007f', '\u0085', '\u009f'];

    private static Gen<JsonObject> Base => Gen.OneOf(ChaosWorld.Examples.Select(e => e.Value).ToArray()).Select(e => e.DeepClone().AsObject());

    // Oversized payloads are few (each is a quarter of a megabyte to build, write and read back twice).
    public static Gen<MalformedRequest> All => Gen.Frequency(
        (12, WrongType),
        (6, MissingRequired),
        (6, BadCidr),
        (6, BadArn),
        (6, OutOfRange),
        (3, HugeString),
        (6, ControlCharacter),
        (6, NonAscii),
        (6, UnknownMember),
        (1, Oversized),
        (3, NotAnObject));

    private static Gen<MalformedRequest> WrongType =>
        Gen.Select(Base, Gen.Int[0, 2], Gen.Int[0, 1000], Gen.Int[0, 5], (request, family, pick, value) =>
        {
            var (fields, values) = family switch
            {
                0 => (StringFields, new Func<JsonNode?>[] { () => 42, () => true, () => new JsonArray(), () => new JsonObject(), () => null, () => 1.5 }),
                1 => (IntegerFields, new Func<JsonNode?>[] { () => "3", () => false, () => new JsonArray(JsonValue.Create(1)), () => new JsonObject(), () => null, () => 1.5 }),
                _ => (ObjectFields, new Func<JsonNode?>[] { () => "object", () => 7, () => new JsonArray(), () => true, () => null, () => "{}" }),
            };
            var path = fields[pick % fields.Length];
            Set(request, path, values[value]());
            return new MalformedRequest("wrong type", path, request);
        });

    private static Gen<MalformedRequest> MissingRequired =>
        Gen.Select(Base, Gen.Int[0, RequiredFields.Length - 1], (request, pick) =>
        {
            var path = RequiredFields[pick];
            Remove(request, path);
            return new MalformedRequest("missing", path, request);
        });

    private static Gen<MalformedRequest> BadCidr =>
        Gen.Select(Base, Gen.Bool, Gen.Int[0, 4], Gen.Int[0, 999], Gen.String[Gen.Char["abcxyz !@#-_:"], 1, 12], (request, vpc, shape, number, junk) =>
        {
            var path = vpc ? "network.vpcCidr" : "network.subnetCidr";
            var cidr = shape switch
            {
                0 => $"{256 + number}.0.0.0/24",
                1 => $"10.0.0.0/{33 + (number % 67)}",
                2 => "10.0.3.0",
                3 => $"10.0.{number}.0/24{junk}",
                _ => junk,
            };
            Set(request, path, cidr);
            return new MalformedRequest("bad CIDR", path, request);
        });

    private static Gen<MalformedRequest> BadArn =>
        Gen.Select(Base, Gen.Int[0, 5], Gen.String[Gen.Char['g', 'z'], 16, 18], Gen.String[Gen.Char["ABCxyz :/*"], 0, 40], (request, shape, notHex, junk) =>
        {
            var (path, arn) = shape switch
            {
                0 => ("outpostArn", $"arn:aws:outposts:us-west-2:123456789012:outpost/op-{notHex}"),
                1 => ("outpostArn", "arn:aws:ec2:us-west-2:123456789012:outpost/op-0123456789abcdef0"),
                2 => ("outpostArn", "arn:aws:outposts:us-west-2:12345:outpost/op-0123456789abcdef0"),
                3 => ("outpostArn", junk),
                4 => ("iam.managedPolicyArns", $"arn:aws:iam::aws:policy/{junk}*"),
                _ => ("workload.taskDefinition.taskRoleArn", $"arn:aws:iam::123:role/{junk}"),
            };
            Set(request, path, path == "iam.managedPolicyArns" ? new JsonArray(arn) : arn);
            return new MalformedRequest("bad ARN", path, request);
        });

    private static Gen<MalformedRequest> OutOfRange =>
        Gen.Select(Base, Gen.Int[0, Ranges.Length - 1], Gen.Bool, Gen.Int[1, 1_000_000], (request, pick, below, distance) =>
        {
            var (path, min, max) = Ranges[pick];
            Set(request, path, below ? (long)min - distance : (long)max + distance);
            return new MalformedRequest("out of range", path, request);
        });

    private static Gen<MalformedRequest> HugeString =>
        Gen.Select(Base, Gen.Int[0, StringFields.Length - 1], Gen.Int[300, 20_000], (request, pick, length) =>
        {
            var path = StringFields[pick];
            Set(request, path, new string('a', length));
            return new MalformedRequest("huge string", path, request);
        });

    private static Gen<MalformedRequest> ControlCharacter =>
        Gen.Select(Base, Gen.Int[0, PlainTextFields.Length - 1], Gen.Int[0, ControlCharacters.Length - 1], Gen.Int[0, 8], (request, pick, control, at) =>
        {
            var path = PlainTextFields[pick];
            var text = "value" + pick;
            Set(request, path, text.Insert(Math.Min(at, text.Length), ControlCharacters[control].ToString()));
            return new MalformedRequest("control character", path, request);
        });

    private static Gen<MalformedRequest> NonAscii =>
        Gen.Select(Base, Gen.Int[0, AsciiFields.Length - 1], Gen.Int[0, Unicode.Length - 1], Gen.Bool, (request, pick, letter, prefix) =>
        {
            var path = AsciiFields[pick];
            Set(request, path, prefix ? Unicode[letter] + "name" : "name" + Unicode[letter]);
            return new MalformedRequest("non-ASCII", path, request);
        });

    private static Gen<MalformedRequest> UnknownMember =>
        Gen.Select(Base, Gen.OneOf("", "network", "cluster", "workload", "capacityWait", "workload.taskDefinition"), Gen.String[Gen.Char['a', 'z'], 1, 10], (request, parent, name) =>
        {
            var member = "zzUnknown" + name;
            var path = parent.Length == 0 ? member : $"{parent}.{member}";
            Set(request, path, "surprise");
            return new MalformedRequest("unknown member", path, request);
        });

    private static Gen<MalformedRequest> Oversized =>
        Gen.Select(Base, Gen.Int[RequestValidator.MaxRequestBytes + 1, RequestValidator.MaxRequestBytes + 40_000], (request, size) =>
        {
            var container = request["workload"]!["taskDefinition"]!["containerDefinitions"]![0]!.AsObject();
            container["environment"] = new JsonArray(new JsonObject { ["name"] = "PADDING", ["value"] = new string('x', size) });
            return new MalformedRequest("over 256 KiB", "$", request);
        });

    private static Gen<MalformedRequest> NotAnObject =>
        Gen.OneOf<Func<JsonNode?>>(() => null, () => 42, () => "provision please", () => new JsonArray(new JsonObject()), () => true, () => JsonValue.Create(Encoding.UTF8.GetString([0xE2, 0x80, 0xAE])))
            .Select(make => new MalformedRequest("not an object", "$", make()));

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }

    private static void Remove(JsonObject root, string path)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = node[part]!.AsObject();
        }

        node.Remove(parts[^1]);
    }
}
