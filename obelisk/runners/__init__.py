"""The runners shipped with Obelisk (registered in the `obelisk.runners` entry-point group)."""
