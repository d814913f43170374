namespace OutpostServerless.Emulator.Ec2;

/// <summary>What an instance on the Outpost needs to reach: the ECS control plane, or a container registry.</summary>
internal enum AwsEndpoint
{
    /// <summary>ECS (the agent's ecs, ecs-agent and ecs-telemetry endpoints).</summary>
    Ecs,
    /// <summary>Amazon ECR (ecr.api, ecr.dkr, and S3 for the image layers).</summary>
    Ecr,
    /// <summary>Any other registry (Docker Hub, …): the internet.</summary>
    Internet,
}
