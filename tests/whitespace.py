"""What a one-line field loses when it is stored: Unicode's white space around it."""

WHITE_SPACE = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Unicode's White_Space characters (str.strip() would also eat the \\x1c-\\x1f controls)."""


def trimmed(text: str) -> str:
    return text.strip(WHITE_SPACE)
