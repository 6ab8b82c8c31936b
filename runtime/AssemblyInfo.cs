// The runtime's public surface lives in namespace CbTyped; what generated code calls lives in CbTyped.Modeling.
[assembly: System.CLSCompliant(false)]
