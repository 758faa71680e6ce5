"""The site: home, wijk and content pages, search, the referral finder and slips, and the HSDS API."""
