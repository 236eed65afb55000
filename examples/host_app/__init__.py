"""An example host app: one HTTP service that runs intervision meetings for its users.

It is here to be read and copied by host developers: every call it makes into
intervision goes through ``intervision.engine``'s public names (a test holds it
to that), so what works here keeps working when the engine's insides change.
``app`` builds the service, ``views`` says what one person sees, ``commands``
turns a JSON body into an engine command, ``errors`` turns engine errors into
HTTP answers and ``stream`` pushes a meeting's changes to a browser.
"""
