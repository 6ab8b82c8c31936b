namespace CbTyped.Events.Tests.Fixtures;

/// <summary>Every test that needs the broker is in this collection, so the node starts once per run.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerFixtureDefinition : ICollectionFixture<RabbitMqNode>
{
    public const string Name = "broker";
}
