using System.Globalization;
using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using OutpostServerless.Aws.Ec2;

namespace OutpostServerless.Emulator.Ec2;

internal sealed partial class Ec2World
{
    private const int MaxUserDataBytes = 16384;

    private readonly Ec2Filters<InstanceRecord> _instanceFilters = new(
        new Dictionary<string, Func<InstanceRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["instance-id"] = i => [i.InstanceId],
            ["instance-state-name"] = i => [i.State],
            ["instance-state-code"] = i => [InstanceStates.Code(i.State).ToString(CultureInfo.InvariantCulture)],
            ["instance-type"] = i => [i.InstanceType],
            ["subnet-id"] = i => [i.SubnetId],
            ["vpc-id"] = i => [i.VpcId],
            ["image-id"] = i => [i.ImageId],
            ["outpost-arn"] = i => [i.OutpostArn],
            ["client-token"] = i => [i.ClientToken],
            ["reservation-id"] = i => [i.ReservationId],
            ["availability-zone"] = i => [i.AvailabilityZone],
            ["availability-zone-id"] = i => [i.AvailabilityZoneId],
            ["key-name"] = i => [i.KeyName],
            ["iam-instance-profile.arn"] = i => [i.IamInstanceProfileArn],
            ["iam-instance-profile.id"] = i => [i.IamInstanceProfileId],
            ["instance.group-id"] = i => i.SecurityGroupIds,
            ["instance.group-name"] = i => i.SecurityGroupIds.Select(id => region.Ec2.FindGroup(id)?.GroupName),
            ["private-ip-address"] = i => [i.PrivateIpAddress],
            ["launch-index"] = i => [i.AmiLaunchIndex.ToString(CultureInfo.InvariantCulture)],
            ["architecture"] = i => [i.Architecture],
            ["owner-id"] = _ => [region.Options.AccountId],
        },
        i => i.Tags);

    public RunInstancesResponse RunInstances(RunInstancesRequest request)
    {
        var (min, max) = Counts(request);
        if (string.IsNullOrEmpty(request.ImageId))
        {
            throw Ec2Errors.Missing("ImageId");
        }

        // Idempotency first: a retry with the token of a launch that succeeded gets that launch back.
        if (!string.IsNullOrEmpty(request.ClientToken))
        {
            if (request.ClientToken.Length > 64)
            {
                throw Ec2Errors.InvalidValue($"Value ({request.ClientToken}) for parameter clientToken is invalid. The client token may have at most 64 characters.");
            }

            if (State.ClientTokens.Find(t => t.ClientToken == request.ClientToken) is { } previous)
            {
                return previous.Fingerprint == Fingerprint(request)
                    ? new RunInstancesResponse { Reservation = ToSdkReservation(State.Reservations.Single(r => r.ReservationId == previous.ReservationId)) }
                    : throw Ec2Errors.Error(Ec2ErrorCodes.IdempotentParameterMismatch, "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).");
            }
        }

        RequireWellFormed(request.ImageId, "ami", Ec2Errors.InvalidAmiIdMalformed);
        var image = region.Options.Images.FirstOrDefault(i => i.ImageId == request.ImageId)
            ?? throw Ec2Errors.Error(Ec2ErrorCodes.InvalidAmiIdNotFound, $"The image id '[{request.ImageId}]' does not exist");
        var typeName = request.InstanceType?.Value ?? "m1.small";
        var type = InstanceTypeCatalog.Find(typeName) ?? throw Ec2Errors.InvalidValue($"Invalid value '{typeName}' for InstanceType.");
        if (type.Architecture != image.Architecture)
        {
            throw Ec2Errors.InvalidValue($"The architecture '{type.Architecture}' of the specified instance type does not match the architecture '{image.Architecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.");
        }

        if (!string.IsNullOrEmpty(request.KeyName) && !region.Options.KeyPairs.Contains(request.KeyName, StringComparer.Ordinal))
        {
            throw Ec2Errors.Error(Ec2ErrorCodes.InvalidKeyPairNotFound, $"The key pair '{request.KeyName}' does not exist");
        }

        if (string.IsNullOrEmpty(request.SubnetId))
        {
            throw Ec2Errors.Error(Ec2Errors.VpcIdNotSpecified, "No default VPC for this user");
        }

        var subnet = FindSubnet(request.SubnetId) ?? throw Ec2Errors.SubnetNotFound(request.SubnetId);
        var groups = LaunchGroups(request, subnet);
        var profile = LaunchProfile(request.IamInstanceProfile);
        ValidateUserData(request.UserData);
        var tags = Ec2Tags.From(request.TagSpecifications, "instance", "volume", "network-interface");

        var count = max;
        var outpost = region.Outposts.FindByArn(subnet.OutpostArn);
        if (outpost is not null)
        {
            if (!region.Outposts.Supports(outpost, typeName))
            {
                throw Ec2Errors.Error(Ec2ErrorCodes.Unsupported, "The requested configuration is currently not supported. Please check the documentation for supported configurations.");
            }

            // A disconnected Outpost cannot be reached by the EC2 control plane: nothing can launch there.
            var free = outpost.Connected ? region.Outposts.FreeSlots(outpost, typeName) : 0;
            if (free < min)
            {
                throw Ec2Errors.Error(Ec2ErrorCodes.InsufficientInstanceCapacity, $"We currently do not have sufficient {typeName} capacity in the Availability Zone you requested ({subnet.AvailabilityZone}). Our system will be working on provisioning additional capacity.");
            }

            count = Math.Min(max, free);
        }

        var cidr = Cidr.Parse(subnet.CidrBlock)!.Value;
        var addressesLeft = cidr.Size - 1 - subnet.NextHostOffset;
        if (addressesLeft < min)
        {
            throw Ec2Errors.Error(Ec2Errors.InsufficientFreeAddressesInSubnet, $"There are not enough free addresses in subnet '{subnet.SubnetId}' to satisfy the requested number of instances.");
        }

        count = (int)Math.Min(count, addressesLeft);
        var now = region.Now;
        var reservation = new ReservationRecord { ReservationId = "r-" + region.Ids.Hex("r", 17) };
        for (var index = 0; index < count; index++)
        {
            var instance = new InstanceRecord
            {
                InstanceId = "i-" + region.Ids.Hex("i", 17),
                ReservationId = reservation.ReservationId,
                ImageId = image.ImageId,
                InstanceType = typeName,
                Architecture = type.Architecture,
                SubnetId = subnet.SubnetId,
                VpcId = subnet.VpcId,
                AvailabilityZone = subnet.AvailabilityZone,
                AvailabilityZoneId = subnet.AvailabilityZoneId,
                OutpostArn = subnet.OutpostArn,
                PrivateIpAddress = cidr.Address(subnet.NextHostOffset++),
                PublicIpAddress = subnet.MapPublicIpOnLaunch ? NextPublicAddress() : null,
                CustomerOwnedIpAddress = subnet.MapCustomerOwnedIpOnLaunch ? NextCustomerOwnedAddress(subnet.CustomerOwnedIpv4Pool!) : null,
                SecurityGroupIds = groups,
                KeyName = string.IsNullOrEmpty(request.KeyName) ? null : request.KeyName,
                IamInstanceProfileArn = profile?.Arn,
                IamInstanceProfileId = profile?.InstanceProfileId,
                UserData = request.UserData,
                ClientToken = string.IsNullOrEmpty(request.ClientToken) ? null : request.ClientToken,
                AmiLaunchIndex = index,
                LaunchTime = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
                Tags = new Dictionary<string, string>(tags, StringComparer.Ordinal),
            };
            State.Instances.Add(instance);
            reservation.InstanceIds.Add(instance.InstanceId);
        }

        State.Reservations.Add(reservation);
        if (outpost is not null)
        {
            region.Outposts.Record(outpost, now);
        }

        if (!string.IsNullOrEmpty(request.ClientToken))
        {
            State.ClientTokens.Add(new ClientTokenRecord { ClientToken = request.ClientToken, Fingerprint = Fingerprint(request), ReservationId = reservation.ReservationId });
        }

        return new RunInstancesResponse { Reservation = ToSdkReservation(reservation) };
    }

    public DescribeInstancesResponse DescribeInstances(DescribeInstancesRequest request)
    {
        var matches = _instanceFilters.Compile(request.Filters);
        var ids = request.InstanceIds ?? [];
        foreach (var id in ids)
        {
            RequireWellFormed(id, "i", Ec2Errors.InvalidInstanceIdMalformed);
        }

        var missing = ids.Where(id => FindInstance(id) is null).ToList();
        if (missing.Count > 0)
        {
            throw Ec2Errors.InstancesNotFound(missing);
        }

        var instances = State.Instances.Where(i => (ids.Count == 0 || ids.Contains(i.InstanceId)) && matches(i)).ToList();
        var reservations = instances.GroupBy(i => i.ReservationId).Select(g => g.ToList()).ToList();
        var (page, next) = Ec2Paging.Page(reservations, request.MaxResults, request.NextToken);
        return new DescribeInstancesResponse
        {
            Reservations = NullIfEmpty(page.ConvertAll(g => ToSdkReservation(g[0].ReservationId, g))),
            NextToken = next,
        };
    }

    public TerminateInstancesResponse TerminateInstances(TerminateInstancesRequest request)
    {
        var ids = request.InstanceIds ?? [];
        if (ids.Count == 0)
        {
            throw Ec2Errors.Missing("InstanceId");
        }

        foreach (var id in ids)
        {
            RequireWellFormed(id, "i", Ec2Errors.InvalidInstanceIdMalformed);
        }

        var missing = ids.Where(id => FindInstance(id) is null).ToList();
        if (missing.Count > 0)
        {
            throw Ec2Errors.InstancesNotFound(missing);
        }

        // While an Outpost is disconnected, mutating requests for its instances fail (and change nothing).
        foreach (var instance in ids.Select(id => FindInstance(id)!).Where(i => i.IsLive))
        {
            if (region.Outposts.FindByArn(instance.OutpostArn) is { Connected: false } outpost)
            {
                throw Ec2Errors.OutpostDisconnected(outpost.OutpostArn, instance.InstanceId);
            }
        }

        var now = region.Now;
        var changes = new List<InstanceStateChange>();
        foreach (var instance in ids.Distinct(StringComparer.Ordinal).Select(id => FindInstance(id)!))
        {
            var previous = instance.State;
            if (instance.IsLive)
            {
                // The slot is released now; the instance takes a while to finish terminating.
                instance.State = InstanceStates.ShuttingDown;
                instance.ShutdownRequestedAt = now;
                instance.StateTransitionReason = $"User initiated ({now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} GMT)";
            }

            changes.Add(new InstanceStateChange
            {
                InstanceId = instance.InstanceId,
                PreviousState = StateOf(previous),
                CurrentState = StateOf(instance.State),
            });
            if (region.Outposts.FindByArn(instance.OutpostArn) is { } outpost)
            {
                region.Outposts.Record(outpost, now);
            }
        }

        return new TerminateInstancesResponse { TerminatingInstances = changes };
    }

    /// <summary>Amazon's public addresses, handed out in order from a block of the emulated Region.</summary>
    private string NextPublicAddress() => Cidr.Parse("54.200.0.0/16")!.Value.Address(++State.PublicAddressesAssigned);

    private string NextCustomerOwnedAddress(string poolId)
    {
        var pool = LocalGateways.Select(g => g.Gateway).First(g => g.CoipPoolId == poolId);
        var taken = State.CoipAddressesAssigned.GetValueOrDefault(poolId) + 1;
        State.CoipAddressesAssigned[poolId] = taken;
        return Cidr.Parse(pool.CoipPoolCidr)!.Value.Address(taken);
    }

    /// <summary>The primary network interface, which carries the instance's public or customer-owned address.</summary>
    private InstanceNetworkInterface NetworkInterfaceOf(InstanceRecord i)
    {
        var association = i.PublicIpAddress is null && i.CustomerOwnedIpAddress is null ? null : new InstanceNetworkInterfaceAssociation
        {
            PublicIp = i.PublicIpAddress,
            CustomerOwnedIp = i.CustomerOwnedIpAddress,
            IpOwnerId = i.PublicIpAddress is null ? region.Options.AccountId : "amazon",
            PublicDnsName = i.PublicIpAddress is null ? null : $"ec2-{i.PublicIpAddress.Replace('.', '-')}.{region.Options.Region}.compute.amazonaws.com",
        };
        return new InstanceNetworkInterface
        {
            NetworkInterfaceId = "eni-" + i.InstanceId[2..],
            SubnetId = i.SubnetId,
            VpcId = i.VpcId,
            OwnerId = region.Options.AccountId,
            PrivateIpAddress = i.PrivateIpAddress,
            Status = NetworkInterfaceStatus.InUse,
            InterfaceType = "interface",
            Association = association,
            Groups = NullIfEmpty(i.SecurityGroupIds.ConvertAll(id => new GroupIdentifier { GroupId = id, GroupName = FindGroup(id)?.GroupName })),
        };
    }

    private static (int Min, int Max) Counts(RunInstancesRequest request)
    {
        if (request.MinCount is not { } min)
        {
            throw Ec2Errors.Missing("MinCount");
        }

        if (request.MaxCount is not { } max)
        {
            throw Ec2Errors.Missing("MaxCount");
        }

        if (min < 1)
        {
            throw Ec2Errors.InvalidValue($"Invalid value '{min}' for minCount. Must be greater than 0.");
        }

        if (max < min)
        {
            throw Ec2Errors.InvalidValue($"Invalid value '{max}' for maxCount. Must be greater than or equal to minCount.");
        }

        return (min, max);
    }

    private List<string> LaunchGroups(RunInstancesRequest request, SubnetRecord subnet)
    {
        var groups = new List<SecurityGroupRecord>();
        foreach (var id in request.SecurityGroupIds ?? [])
        {
            RequireWellFormed(id, "sg", Ec2Errors.InvalidGroupIdMalformed);
            var group = FindGroup(id) ?? throw Ec2Errors.Error(Ec2ErrorCodes.InvalidGroupNotFound, $"The security group '{id}' does not exist in VPC '{subnet.VpcId}'");
            if (group.VpcId != subnet.VpcId)
            {
                throw Ec2Errors.Error(Ec2Errors.InvalidParameter, $"Security group {group.GroupId} and subnet {subnet.SubnetId} belong to different networks.");
            }

            groups.Add(group);
        }

        foreach (var name in request.SecurityGroups ?? [])
        {
            groups.Add(State.SecurityGroups.Find(g => g.VpcId == subnet.VpcId && g.GroupName == name)
                ?? throw Ec2Errors.Error(Ec2ErrorCodes.InvalidGroupNotFound, $"The security group '{name}' does not exist in VPC '{subnet.VpcId}'"));
        }

        if (groups.Count == 0)
        {
            groups.Add(State.SecurityGroups.Single(g => g.VpcId == subnet.VpcId && g.GroupName == "default"));
        }

        return [.. groups.Select(g => g.GroupId).Distinct(StringComparer.Ordinal)];
    }

    private Iam.InstanceProfileRecord? LaunchProfile(IamInstanceProfileSpecification? specification)
    {
        if (!string.IsNullOrEmpty(specification?.Arn))
        {
            var byArn = region.Iam.FindInstanceProfileByArn(specification.Arn);
            return byArn is not null && region.Now >= byArn.CreateDate + region.Options.Timings.InstanceProfilePropagation
                ? byArn
                : throw Ec2Errors.InvalidValue($"Value ({specification.Arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN");
        }

        if (!string.IsNullOrEmpty(specification?.Name))
        {
            var profile = region.Iam.FindInstanceProfile(specification.Name);
            // Until IAM has propagated a new profile, EC2 answers exactly as for one that does not exist.
            return profile is not null && region.Now >= profile.CreateDate + region.Options.Timings.InstanceProfilePropagation
                ? profile
                : throw Ec2Errors.InvalidValue($"Value ({specification.Name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name");
        }

        return null;
    }

    private static void ValidateUserData(string? userData)
    {
        if (userData is null)
        {
            return;
        }

        var buffer = new byte[userData.Length];
        if (!Convert.TryFromBase64String(userData, buffer, out var length))
        {
            throw Ec2Errors.InvalidValue("Invalid BASE64 encoding of user data.");
        }

        if (length > MaxUserDataBytes)
        {
            throw Ec2Errors.InvalidValue($"User data is limited to {MaxUserDataBytes} bytes");
        }
    }

    /// <summary>Everything that makes two RunInstances requests "the same request" for a client token.</summary>
    private static string Fingerprint(RunInstancesRequest r)
    {
        var tags = (r.TagSpecifications ?? [])
            .SelectMany(s => (s.Tags ?? []).Select(t => $"{s.ResourceType?.Value}/{t.Key}={t.Value}"))
            .Order(StringComparer.Ordinal);
        var text = new StringBuilder()
            .Append(r.ImageId).Append('|').Append(r.InstanceType?.Value).Append('|').Append(r.MinCount).Append('|').Append(r.MaxCount)
            .Append('|').Append(r.SubnetId).Append('|').AppendJoin(',', (r.SecurityGroupIds ?? []).Order(StringComparer.Ordinal))
            .Append('|').AppendJoin(',', (r.SecurityGroups ?? []).Order(StringComparer.Ordinal))
            .Append('|').Append(r.IamInstanceProfile?.Arn).Append('|').Append(r.IamInstanceProfile?.Name)
            .Append('|').Append(r.KeyName).Append('|').Append(r.UserData).Append('|').AppendJoin(',', tags);
        return text.ToString();
    }

    private static InstanceState StateOf(string state) => new() { Code = InstanceStates.Code(state), Name = InstanceStateName.FindValue(state) };

    private Reservation ToSdkReservation(ReservationRecord reservation) =>
        ToSdkReservation(reservation.ReservationId, [.. reservation.InstanceIds.Select(id => FindInstance(id)!)]);

    private Reservation ToSdkReservation(string reservationId, List<InstanceRecord> instances) => new()
    {
        ReservationId = reservationId,
        OwnerId = region.Options.AccountId,
        Instances = instances.ConvertAll(ToSdk),
    };

    private Instance ToSdk(InstanceRecord i)
    {
        var terminated = i.State == InstanceStates.Terminated;
        return new Instance
        {
            InstanceId = i.InstanceId,
            ImageId = i.ImageId,
            InstanceType = Amazon.EC2.InstanceType.FindValue(i.InstanceType),
            Architecture = ArchitectureValues.FindValue(i.Architecture),
            State = StateOf(i.State),
            StateTransitionReason = i.StateTransitionReason,
            StateReason = terminated || i.State == InstanceStates.ShuttingDown
                ? new StateReason { Code = "Client.UserInitiatedShutdown", Message = "Client.UserInitiatedShutdown: User initiated shutdown" }
                : null,
            SubnetId = terminated ? null : i.SubnetId,
            VpcId = terminated ? null : i.VpcId,
            PrivateIpAddress = terminated ? null : i.PrivateIpAddress,
            PrivateDnsName = terminated ? string.Empty : $"ip-{i.PrivateIpAddress.Replace('.', '-')}.{region.Options.Region}.compute.internal",
            PublicDnsName = terminated || i.PublicIpAddress is null ? string.Empty : $"ec2-{i.PublicIpAddress.Replace('.', '-')}.{region.Options.Region}.compute.amazonaws.com",
            PublicIpAddress = terminated ? null : i.PublicIpAddress,
            NetworkInterfaces = terminated ? null : [NetworkInterfaceOf(i)],
            Placement = new Placement { AvailabilityZone = i.AvailabilityZone, AvailabilityZoneId = i.AvailabilityZoneId, Tenancy = Tenancy.Default, GroupName = string.Empty },
            OutpostArn = i.OutpostArn,
            LaunchTime = i.LaunchTime.UtcDateTime,
            KeyName = i.KeyName,
            IamInstanceProfile = i.IamInstanceProfileArn is null ? null : new IamInstanceProfile { Arn = i.IamInstanceProfileArn, Id = i.IamInstanceProfileId },
            SecurityGroups = terminated ? null : NullIfEmpty(i.SecurityGroupIds.ConvertAll(id => new GroupIdentifier { GroupId = id, GroupName = FindGroup(id)?.GroupName })),
            ClientToken = i.ClientToken ?? string.Empty,
            AmiLaunchIndex = i.AmiLaunchIndex,
            Hypervisor = HypervisorType.Xen,
            VirtualizationType = VirtualizationType.Hvm,
            RootDeviceName = "/dev/xvda",
            RootDeviceType = DeviceType.Ebs,
            EbsOptimized = false,
            EnaSupport = true,
            SourceDestCheck = terminated ? null : true,
            Monitoring = new Monitoring { State = MonitoringState.Disabled },
            PlatformDetails = "Linux/UNIX",
            UsageOperation = "RunInstances",
            Tags = Ec2Tags.ToSdk(i.Tags),
        };
    }
}
