"""What every context uses and no context owns: idempotency, the outbox and the job registry, periodic jobs,
messaging (e-mail, SMS/voice providers, en/es templates, Babel formatting), public-link tokens and the
practice's local day and month. A context may import the platform; the platform imports no context."""
