"""The AVG commands (export, wis, purge persoonsgegevens) and koppelingen_navragen."""
