"""The open-data API in Open Referral HSDS 3.0 shape at /api/hsds/: the agenda and the initiatives as HSDS."""
