"""Users, roles and provider membership; the one module that decides who may see and do what."""
