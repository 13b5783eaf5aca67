from django.shortcuts import render


def page_not_found(request, exception=None):
    # A 404 may answer a request the middleware never saw (a missing static file on the test server):
    # it then has no CSP nonce, and the page is served without one, as before.
    if not hasattr(request, "csp_nonce"):
        request.csp_nonce = ""
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
