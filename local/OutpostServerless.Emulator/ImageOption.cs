namespace OutpostServerless.Emulator;

/// <summary>
/// An AMI the account can launch. <paramref name="HasEcsAgent"/>: only images that carry the ECS
/// agent ever register container instances. <paramref name="SsmParameter"/>: the public SSM
/// parameter that names this image, if any. <paramref name="CachedContainerImages"/>: container images
/// baked into the AMI, which <c>ECS_IMAGE_PULL_BEHAVIOR=prefer-cached</c> uses without a pull.
/// </summary>
public sealed record ImageOption(
    string ImageId, string Name, string Architecture, bool HasEcsAgent, string? SsmParameter = null, IReadOnlyList<string>? CachedContainerImages = null);
