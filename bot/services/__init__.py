"""Use cases of Podium and the ports (typing.Protocol) through which they reach the outside."""
