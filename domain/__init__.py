"""Pure business logic of CareerBot: entities, services and the ports they depend on.

Nothing here imports a framework, a database driver or a platform SDK.
"""
