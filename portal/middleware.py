"""Input no person can type, but a crafted request can: answer 400 in Dutch instead of a 500."""

from django.shortcuts import render


class BadInputMiddleware:
    """A number larger than the database can hold (e.g. ``?wijken=99999999999999999999``) makes SQLite
    raise OverflowError while Django builds the query. That is bad input, not a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError):
            return render(request, "400.html", status=400)
        return None
