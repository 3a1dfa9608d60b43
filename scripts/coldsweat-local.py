"""Runs coldsweat (the Fever server from PyPI) for Brief's sync tests on loopback.

Two of its habits do not suit tests on a machine without internet, so they are switched off here rather than in
its sources: it fetches every feed's favicon from the internet, and it refuses to fetch a feed again within 180 s
(a test subscribes, fetches, changes the feed and fetches again at once).

    coldsweat-local.py run -h 127.0.0.1 -p PORT    the server (any coldsweat command works)
    coldsweat-local.py adduser EMAIL               creates the user or resets its password (password on stdin)
    coldsweat-local.py subscribe EMAIL URL         subscribes the user to a feed and fetches it now
    coldsweat-local.py fetch [URL...]              fetches the given feeds now (every subscribed feed without URLs)
"""
import sys

import coldsweat.fetcher as fetcher

fetcher.MIN_FETCH_INTERVAL = 0
fetcher.Fetcher._fetch_icon = lambda self: None

from coldsweat import cli, create_app  # noqa: E402  (after the stubs on purpose)


def fail(message):
    print(f"fever-server: {message}", file=sys.stderr)
    sys.exit(1)


def adduser(email):
    import coldsweat.models as models
    from werkzeug import security

    password = sys.stdin.readline().rstrip("\n")
    if not models.User.validate_password(password):
        fail(f"the password for {email} is shorter than {models.User.MIN_PASSWORD_LENGTH} characters")
    # Not models.setup(): it re-inserts the built-in groups with INSERT OR REPLACE, which deletes the rows first,
    # and every user's subscriptions in them go with them (ON DELETE CASCADE) while other tests are using them.
    with models.db_wrapper.database as database:
        database.create_tables([models.User, models.Feed, models.Entry, models.Group, models.Read, models.Saved,
                                models.Subscription], safe=True)
    models.Group.insert_many(models.BUILTIN_GROUPS).on_conflict_ignore().execute()
    user = models.User.get_or_none(models.User.email == email)
    if user is None:
        user = models.User(email=email, display_name=email)
    user.password_hash = security.generate_password_hash(password)
    user.fever_api_key = models.User.make_fever_api_key(email, password)
    user.save()


def subscribe(email, url):
    import coldsweat.feed as feed
    import coldsweat.models as models

    user = models.User.get_or_none(models.User.email == email)
    if user is None:
        fail(f"no user {email} (run scripts/fever-server adduser {email} first)")
    group = models.Group.get(models.Group.title == models.Group.DEFAULT_GROUP)
    subscribed = feed.add_feed_from_url(url)
    feed.add_subscription(user, subscribed, group)
    feed.fetch_feeds([subscribed])


def fetch(*urls):
    import coldsweat.feed as feed
    import coldsweat.models as models

    feeds = []
    for url in urls:
        found = models.Feed.get_or_none(models.Feed.self_link == url)
        if found is None:
            fail(f"no feed {url} (subscribe a user to it first)")
        feeds.append(found)
    feed.fetch_feeds(feeds)


if __name__ == "__main__":
    # (function, argument count or None for one or more); a bare "fetch" is coldsweat's own (every feed).
    ours = {"adduser": (adduser, 1), "subscribe": (subscribe, 2), "fetch": (fetch, None)}
    name = sys.argv[1] if len(sys.argv) > 1 else None
    if name in ours and not (name == "fetch" and len(sys.argv) == 2):
        command, count = ours[name]
        if count is not None and len(sys.argv) != 2 + count:
            fail(f"usage: {name} takes {count} argument(s)")
        with create_app().app_context():
            command(*sys.argv[2:])
    else:
        sys.argv[0] = "coldsweat"
        cli()
