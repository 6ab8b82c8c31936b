global using CbTyped;
