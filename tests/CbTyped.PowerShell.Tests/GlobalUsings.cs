global using System.Management.Automation;
global using CbTyped.PowerShell.Tests.Infrastructure;
global using Xunit;
