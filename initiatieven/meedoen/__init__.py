"""Resident publishing at /meedoen/: proposals, private edit links, moderation and their e-mails."""
