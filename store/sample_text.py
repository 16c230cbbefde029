"""What the sample says: invented companies and roles, the reflections on a "no", the
thoughts and reframes, the journal's words and the people."""

from __future__ import annotations

from store.models import ContactKind, Mood, RejectionReason

COMPANIES = [
    "Fernhill Labs", "Quayside Logistics", "Tallow & Pine", "Brightwater Energy",
    "Harbor Lane Bank", "Oakmoss Studio", "Lumen Grid", "Kestrel Mobility",
    "Pebble Street Games", "Marigold Health", "Slate Cloud", "Juniper Learning",
    "Copperleaf Insurance", "Wayfarer Maps", "Ridgeback Security", "Tidewater Foods",
    "Nimbus Payroll", "Orchard Civic Tech", "Foxglove Media", "Granite Peak Software",
    "Saltmarsh Bio", "Riverbend Council", "Lantern Books", "Mosaic Retail",
    "Arbor Climate", "Helix Freight", "Blue Heron Travel", "Quill Legal",
    "Parallax Vision", "Ember Kitchens", "Cairn Outdoor", "Sable Finance",
    "Wren Robotics", "Meridian Transit", "Cinder Games", "Hollow Oak Hospice",
    "Beacon Charity Trust", "Thistle Telecom", "Kindred Care", "Ironbark Data",
]  # fmt: skip
ROLES = [
    "Python Developer", "Backend Engineer", "Data Engineer", "Software Engineer II",
    "Platform Engineer", "Analytics Engineer", "Full-stack Developer",
    "Site Reliability Engineer", "Junior Data Scientist", "API Developer",
]  # fmt: skip
LOCATIONS = ["Remote", "Leeds", "Manchester", "Remote (UK)", "Bristol", "Hybrid, London"]
SOURCES = ["LinkedIn", "company site", "referral", "job board", "recruiter came to me", "meetup"]
TAGS = ["python", "remote", "fintech", "climate", "health", "startup", "public sector"]
REFLECTIONS: list[tuple[RejectionReason, str, str]] = [
    (RejectionReason.NO_RESPONSE, "", "Follow up a week after applying instead of waiting."),
    (
        RejectionReason.MORE_EXPERIENCED_CANDIDATE,
        "Strong technical round; they went with someone who had led a team before.",
        "Tell the story of the mentoring I did at my last job; it is leadership.",
    ),
    (
        RejectionReason.SKILLS_GAP,
        "They wanted hands-on Kubernetes in production.",
        "Do the small k8s deploy project and put it on my CV.",
    ),
    (
        RejectionReason.POSITION_FILLED,
        "Filled internally before interviews started.",
        "Not about me. Apply earlier to roles like this one.",
    ),
    (
        RejectionReason.SALARY,
        "Budget was well below my range.",
        "Ask about the salary band in the first call.",
    ),
    (
        RejectionReason.UNKNOWN,
        "",
        "Ask for feedback politely; one in three people answer.",
    ),
]

THOUGHTS: list[tuple[str, tuple[str, ...], str]] = [
    (
        "I'll never get hired.",
        ("fortune_telling", "overgeneralising"),
        "One company said no to one application. That is a decision about a role, "
        "not a verdict on me, and I have twelve more in flight.",
    ),
    (
        "Everyone else finds a job in a month.",
        ("mind_reading", "discounting_the_positive"),
        "I only see other people's offers, not their rejections. Three interviews "
        "this month is progress.",
    ),
    (
        "I froze on that question, so I'm useless at interviews.",
        ("labelling", "all_or_nothing"),
        "I froze on one question and answered the other five well. I can practise "
        "that kind of question.",
    ),
]

MOOD_TEXTS = {
    Mood.AWFUL: ["Another no. Hard to start today.", "Ghosted again after a good call."],
    Mood.BAD: ["Tired of rewriting cover letters.", "Slow day, no replies."],
    Mood.OKAY: ["Sent two applications. Steady.", "Did the coding exercise."],
    Mood.GOOD: ["Recruiter called back!", "Good chat with a mentor."],
    Mood.GREAT: ["Invited to a final round!", "Offer call scheduled."],
}
LABELS = ["applications", "applications", "networking", "learning", "interview prep"]
RECHARGES = ["walk round the block", "stretching", "tea and water", "called Sam", "fresh air"]

CONTACTS = [
    ("Sam Okafor", ContactKind.FRIEND_FAMILY, "", "phone"),
    ("Priya Raman", ContactKind.MENTOR, "Brightwater Energy", "coffee"),
    ("Jonas Weber", ContactKind.RECRUITER, "Lumen Grid", "email"),
    ("Aiko Tanaka", ContactKind.COLLEAGUE, "Slate Cloud", "video call"),
]
