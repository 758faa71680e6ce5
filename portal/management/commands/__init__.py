"""load_demo, backup, restore_backup and verstuur_berichten (the outbox's retries)."""
