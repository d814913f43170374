using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OutpostServerless.Emulator.Sam;
using OutpostServerless.Local.ApiGateway;
using OutpostServerless.Local.StepFunctions;

namespace OutpostServerless.Cli.Tests.Serve;

/// <summary>template.yaml's API served on a free port of 127.0.0.1, over one new emulated world, with a client for it.</summary>
internal sealed class ServedApi : IAsyncDisposable
{
    private ServedApi(LocalStepFunctions stepFunctions, LocalApiServer server)
    {
        StepFunctions = stepFunctions;
        Server = server;
        Client = new HttpClient { BaseAddress = server.BaseAddress };
    }

    public LocalStepFunctions StepFunctions { get; }

    public LocalApiServer Server { get; }

    public HttpClient Client { get; }

    public static async Task<ServedApi> StartAsync()
    {
        var template = SamTemplate.Load(RepositoryFiles.Template, new SamEnvironment("us-west-2", "123456789012"));
        var stepFunctions = await LocalStepFunctions.OpenAsync(template, stateFile: null, CancellationToken.None);
        return new ServedApi(stepFunctions, await LocalApiServer.StartAsync(template, stepFunctions, port: 0, TextWriter.Null, CancellationToken.None));
    }

    public static JsonObject Example(string name) => JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example(name)))!.AsObject();

    public async Task<(int Status, JsonObject Body)> PostAsync(JsonNode body, string path = "provisionings") =>
        await ReadAsync(await Client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")));

    public async Task<(int Status, JsonObject Body)> DeleteAsync(string path) => await ReadAsync(await Client.DeleteAsync(path));

    /// <summary>Waits until the execution a 202 answer named has stopped.</summary>
    public async Task<ExecutionDescription> StoppedAsync(JsonObject accepted) =>
        await StepFunctions.WhenStoppedAsync(accepted["executionArn"]!.GetValue<string>(), CancellationToken.None);

    public async Task<(int Status, JsonObject Body)> GetAsync(string path) => await ReadAsync(await Client.GetAsync(path));

    public static async Task<(int, JsonObject)> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return ((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await StepFunctions.DisposeAsync();
    }
}
