"""The core: taxonomy, site settings, base page, locaties, organisaties, page cache, outbox, spam defence."""
