// Runs the responder against the server of a credentials profile: REST keys (url, token) and cbapi's bus keys
// (rabbitmq_host, rabbitmq_port, rabbitmq_user, rabbitmq_pass). Ctrl+C stops after the event in flight.
using CbTyped.Events.Consumer;
using CbTyped.Events.Responder;
using CbTyped;
using CbTyped.Response;

var profile = args.Length > 0 ? args[0] : "default";
using var cb = CbResponseClient.FromProfile(profile);
var options = CbEventBusOptions.FromCredentials(CbCredentialStore.LoadProfile(profile));
var responder = new WatchlistHitResponder(cb);
await using var consumer = new CbEventBusConsumer(options);
consumer.On(WatchlistHitResponder.Pattern, responder.HandleAsync);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
await consumer.RunAsync(stop.Token);
