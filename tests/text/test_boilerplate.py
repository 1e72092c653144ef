"""Boilerplate and noise never become events; real sentences keep their exact offsets."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.text.boilerplate import clean_span, is_noise
from timeline.engines.local import extract_events
from timeline.models import Article

NOISE = [
    "Update, June 4, 9:10 am: This story, originally published June 3, has been updated with a councillor's title.",
    # an embedded social post's signature and handle line (the page shows a post; its date is the post's)
    "🔥🔥🔥 — Harbour Committee (@HarbourCttee) March 21, 2023",
    "“We are not closing the bridge.” -@lenabrask",
    "Bridge update — Tarrow Council (@TarrowCouncil) Jun. 2, 2025",
    "Today is broadcast live on BBC Two from 9am.",
    "Your comments may be published on any BBC media worldwide.",
    "The BBC may edit your comments and not all emails will be published.",
    "Posted by: jdoe | May 28, 2009 7:15 PM | Report abuse Yes, let's all forget it.",
    "To play this content JavaScript must be turned on and the latest Flash player installed.",
    "(Reporting by Maggie Fox; Editing by Will Dunham and Eric Walsh)",
    "Views expressed in the comments do not represent those of Reuters.",
    "Get Wonkbook delivered to your inbox or mobile device every morning.",
    "Share your thoughts by sending us a response on our GuardianUS Twitter page.",
    "His e-mail address is someone@example.com.",
    "Back to top",
    "Have you been affected by the floods on Monday?",
    "Copyright 2009 Reuters. All rights reserved.",
    "12th August 2011 - 23:07 This comment was removed because the moderators found it broke the house rules.",
    "(Additional reporting by Jane Roe in Geneva)",
    # a picture's caption: a noun phrase with no verb of its own
    "Satellite image of Port-au-Prince, Haiti taken on 13 January.",
    "Aerial photo of the flooded town taken on Sunday",
    # an editor's note about the page, not the story
    "This article was amended on Friday 29 May 2009 to correct the spelling of a name.",
    "Note: The photograph on this page was updated in 2011 A cathedral in Port-au-Prince after the earthquake",
    "An earlier version of this story misidentified the defence counsel on Tuesday.",
    "This story has been updated on Monday with comments from the mayor.",
    # a news aggregator's link list
    "Edinburgh Evening News Volunteers for Aids charity unable to head to Haiti due to lack of donations - 8 hrs ago STV.",
    "Hollywood rallies for Haiti donations - 31 hrs ago Calcutta Telegraph Stars open their wallets on Monday",
    "Student rescued 15 days after quake - 2 hrs ago",
]
NEWS = [
    "The army said on Monday that 25 people died in the strikes.",
    "Jackson's body was released to the family on Friday night.",
    "The court heard the copyright case over the Beatles catalogue on Tuesday.",
    "Police said the comments made by the minister on Sunday were under review.",
    "The WHO raised its pandemic alert to phase 5 on Wednesday.",
    "AIG CEO Edward Liddy said on Monday the loans would be repaid.",
    "US FDA officials approved the vaccine on Tuesday.",
    "NHS Grampian confirmed on Monday that six people were being tested.",
    "Officials from The Hague said the court would meet on Monday to discuss the case.",
    "A spokesman told The Guardian the talks had failed on Monday night.",
    "Doctors found the influenza A virus in two patients on Monday.",
    # pictures described in reporting, not captions (each has a verb of its own)
    "Images of the collapsed palace taken on Wednesday showed the dome had fallen.",
    "A photo of the suspect taken in 2009 was released by police.",
    "The image of the girl taken in 1972 became a symbol of the war.",
    # a report is often the story's subject: its update is news
    "The UN report was updated on Tuesday to include 300 more deaths.",
    "This report was amended in March after the inquiry heard new evidence.",
    "The page of the diary dated 3 May 1945 was shown to the court.",
    "The quake struck 8 hours ago, and rescuers reached the town on Monday.",
    "Police said the fire - which started two hours ago - was under control by Monday.",
    # a social account named in reporting is a source, not an embedded post
    "The committee said on Tuesday, according to its account @HouseComms, that it would meet.",
    "Mayor Lena Brask (@lenabrask) wrote on March 3, 2023 that the bridge would close.",
]


@pytest.mark.parametrize("sentence", NOISE)
def test_noise_is_dropped(sentence: str) -> None:
    assert is_noise(sentence)
    assert clean_span(sentence, 0, len(sentence)) is None


@pytest.mark.parametrize("sentence", NEWS)
def test_news_is_kept_whole(sentence: str) -> None:
    assert not is_noise(sentence)
    assert clean_span(sentence, 0, len(sentence)) == (0, len(sentence))


@pytest.mark.parametrize(("glued", "story"), [
    (("Cabin crew member in hospital after flight Saturday 25 April 2009 22.09 BST A member of cabin crew was "
      "taken to hospital today."), "A member of cabin crew was taken to hospital today."),
    ("MEXICO CITY | Sat Apr 25, 2009 7:32 pm EDT MEXICO CITY (Reuters) - A new flu has killed up to 68 people.",
     "A new flu has killed up to 68 people."),
    (("* Child dies in Texas * By Maggie Fox, Health Editor WASHINGTON (Reuters) - A child has died in Texas, "
      "officials said."), "A child has died in Texas, officials said."),
    ("Page last updated at 07:48 GMT, Tuesday, 8 November 2011 The trial took place on the ninth floor.",
     "The trial took place on the ninth floor."),
])
def test_headline_and_dateline_are_cut_off(glued: str, story: str) -> None:
    text = "Intro line.\n" + glued
    start = text.index(glued)
    span = clean_span(text, start, len(text))
    assert span is not None
    assert text[span[0]:span[1]] == story


@pytest.mark.parametrize(("glued", "story"), [
    ("Rotarians to help the island The devastating effects of the tremors can be seen everywhere.",
     "The devastating effects of the tremors can be seen everywhere."),
    ("Earthquake: your stories Wednesday 13 January It is feared thousands of people have died.",
     "It is feared thousands of people have died."),
    ("Island quake: Aid outside Port Elver An estimated 2,000 people died in last Tuesday's quake.",
     "An estimated 2,000 people died in last Tuesday's quake."),
    ("Tarrow floods: Help for Lower Tarrow A new shelter opened for 300 families on Monday.",
     "A new shelter opened for 300 families on Monday."),
])
def test_a_headline_glued_to_the_first_sentence_is_cut_off(glued: str, story: str) -> None:
    span = clean_span(glued, 0, len(glued))
    assert span is not None and glued[span[0]:span[1]] == story
    text = "An earlier sentence ends here.\n" + glued  # not the first sentence: not a headline
    assert clean_span(text, text.index(glued), len(text)) == (text.index(glued), len(text))



@pytest.mark.parametrize("sentence", [
    "Swine flu: influenza A virus spreads to five more countries, the agency said on Monday.",
    "The minister said: a new plan is needed and a vote will follow soon after the summer.",
])
def test_a_colon_inside_a_first_sentence_cuts_nothing(sentence: str) -> None:
    assert clean_span(sentence, 0, len(sentence)) == (0, len(sentence))


def test_offline_engine_makes_no_event_of_page_furniture() -> None:
    lines = [
        "Rebels seized the town of Idlib on Monday, the army said.",
        "Today is broadcast live on BBC Two on Monday at 9pm.",
        "Posted by: reader1 | December 2, 2024 8:56 PM | Report abuse The army lied on Monday.",
        "(Reporting by Jane Roe; Editing by John Doe)",
    ]
    text = "\n".join(lines)
    events = extract_events(Article(id="a", text=text, published=date(2024, 12, 3)))
    assert [e.what for e in events] == ["Rebels seized the town of Idlib on Monday, the army said."]
    assert all(text[e.evidence[0].start:e.evidence[0].end] == e.evidence[0].quote for e in events)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.integers(0, 300), st.integers(0, 300))
def test_clean_span_never_raises_and_stays_inside(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    span = clean_span(text, start, end)
    assert span is None or start <= span[0] <= span[1] == end


# A fact box (a panel with a capitalised heading) or a page stamp glued to the next sentence: the
# heading's or stamp's words must not become part of the event or of its source.
FACT_BOX = "\n".join([
    "Two of the singer's brothers criticised the planned tribute concert on Monday.",
    'STATEMENT BY THE TWO BROTHERS "We feel it is inappropriate to be involved with an event on 8 October," '
    "the statement said.",
    "6 January 2011 Last updated at 04:46 GMT Help A bodyguard to the singer testified on Tuesday that the "
    "doctor asked him to clear away vials, paramedic Martin Blount said.",
])


def test_a_fact_box_heading_and_a_page_stamp_are_not_part_of_the_sentence() -> None:
    events = extract_events(Article(id="a", text=FACT_BOX, published=date(2011, 1, 6)))
    by_start = {e.what.split()[0]: e for e in events}
    assert set(by_start) == {"Two", '"We', "A"}, [e.what for e in events]
    box, stamp = by_start['"We'], by_start["A"]
    assert box.what.endswith("the statement said.") and "STATEMENT" not in box.what
    assert box.attribution is None or "STATEMENT" not in box.attribution
    assert stamp.attribution == "paramedic Martin Blount"
    assert "GMT" not in stamp.what and "Help" not in stamp.what
    for e in events:  # still verbatim
        assert FACT_BOX[e.evidence[0].start:e.evidence[0].end] == e.evidence[0].quote


def test_a_heading_alone_is_not_an_event() -> None:
    text = "THE SONGS MY SON LOVED All this week"
    assert clean_span(text, 0, len(text)) is None


def test_the_older_page_stamp_is_not_part_of_the_sentence() -> None:
    text = ("Last updated: 14 January, 2010 - 17:26 GMT Rescue teams from Iceland reached the capital on "
            "Wednesday, officials said.")
    [event] = extract_events(Article(id="a", text=text, published=date(2010, 1, 14)))
    assert event.what.startswith("Rescue teams") and "GMT" not in event.what
    assert event.when is not None and event.when.value == "2010-01-13"


def test_a_blog_posts_stamp_is_not_part_of_the_sentence() -> None:
    text = ("Rajan Datar | 10:57 UK time, Friday, 22 January 2010 The UN has described it as the worst disaster "
            "it has ever been involved in.")
    span = clean_span(text, 0, len(text))
    assert span is not None and text[span[0]:span[1]].startswith("The UN has described")


STORY = "Rescuers pulled a woman alive from the rubble on Sunday, the UN said.\nThe airport reopened on Monday."


@pytest.mark.parametrize(("comments", "first_comment"), [
    # the stamp opens each comment (BBC "Have Your Say")
    (("Published: Monday, 18 January, 2010, 15:33 GMT 15:33 UK Added: Tuesday, 19 January, 2010, 18:32 GMT 18:32 UK "
     "Just heard that the governor launched an appeal fund on Tuesday.\n"
     "Added: Tuesday, 19 January, 2010, 18:16 GMT 18:16 UK Good comments so far.\n"
     "The government resigned on Monday, I read somewhere."), "Added: Tuesday, 19 January"),
    # the stamp closes each comment, after the post's own byline stamp (a newspaper blog)
    (("By Dan Froomkin | February 2, 2009; 1:40 PM ET The senator lied on Monday.\n"
     "Tax cuts failed in 2001. Posted by: knjincvc | February 2, 2009 3:35 PM | Report abuse The stimulus "
     "failed on Tuesday.\nPosted by: reader2 | February 2, 2009 3:40 PM | Report abuse"), " The senator lied"),
    # a blog's comments: "At 9:06 pm on 17 Jun 2009, CuriousAddition wrote:"
    (("At 1:17 pm on 18 May 2009, harbourfan wrote: The mayor resigned on Monday, I heard.\n"
      "At 1:43 pm on 18 May 2009, tarrow_reader wrote: The bridge closed on Tuesday."), "At 1:17 pm on 18 May"),
])
def test_readers_comments_never_become_events(comments: str, first_comment: str) -> None:
    from timeline.text.boilerplate import comment_section
    from timeline.sources.dedupe import dedupe

    text = STORY + "\n" + comments
    section = comment_section(text)
    assert section is not None and section[1] == len(text) and text[section[0]:].startswith(first_comment)
    [article] = dedupe([Article(id="a", text=text, published=date(2010, 1, 20))]).articles
    events = extract_events(article)
    assert [e.what for e in events] == STORY.split("\n")


@pytest.mark.parametrize("text", [
    STORY + "\nA user posted by: accident a photo of the scene.",  # one stamp-like phrase: not a thread
    STORY + "\nAdded: Tuesday, 19 January, 2010, 18:32 GMT The appeal was launched.",  # one stamp: not a thread
])
def test_one_stamp_is_not_a_comment_section(text: str) -> None:
    from timeline.text.boilerplate import comment_section

    assert comment_section(text) is None


def test_a_fact_box_flattened_into_a_sentence_is_noise() -> None:
    box = ("Born: August 29, 1958, Gary, Indiana, US Also known as: The King of Pop Biggest hits: Billie Jean, Bad "
           "He told a TV programme that the singer took pain relief.")
    assert is_noise(box)
    assert not is_noise("The mayor said: the bridge will reopen on Friday.")
    assert not is_noise("Scores: the home side won 3:1 on Sunday.")
    assert not is_noise("He starred in films including Robin Hood: Prince of Thieves and Churchill: The Hollywood Years.")
    assert not is_noise('He added: "Get drunk once in a while - but Drinkaware says: do not overdo it."')


def test_a_live_pages_banner_and_a_pages_header_date_are_not_events() -> None:
    """Real BBC pages: three days' banners became one event with a date dispute (13, 14, 15 Jan),
    and a header's 'Thursday 14 January' dated a sentence that says 'by Monday'."""
    banner = "As it happened: Haiti earthquake 13 Jan Live coverage following the earthquake in Haiti"
    assert is_noise(banner)
    header = ("Haiti earthquake: Your stories Thursday 14 January Up to 10,000 US troops will be off the coast of Haiti "
              "by Monday, officials say.")
    [event] = extract_events(Article(id="a", text=header, published=date(2010, 1, 15)))
    assert event.what.startswith("Up to 10,000") and event.when is not None and event.when.value == "2010-01-18"


LIVE = ("(All times GMT.) 2358 The UN chief has given an update on the relief effort. 2349 Our correspondent says the "
        "airport is jammed. 2332 Haiti's neighbours reacted swiftly. 2044 A company in Miami says it has raised $1m "
        "for the relief effort. 1541 President Barack Obama says rescue teams will arrive on Wednesday.")


def test_a_live_pages_entry_stamps_are_cut_off_and_are_not_years() -> None:
    """A real BBC live page: '2044 A company in Miami ...' was an event dated 2044, and
    '2142 US Secretary of State ...' showed its stamp in the briefing."""
    events = extract_events(Article(id="a", text=LIVE, published=date(2010, 1, 13)))
    whats = [e.what for e in events]
    assert not any(w[:1].isdigit() for w in whats)
    assert all(e.when is None or e.when.value != "2044" for e in events)
    assert any(w.startswith("President Barack Obama says") for w in whats)


@pytest.mark.parametrize("text", [
    "Dr Murray studied cardiology. 2000 Dr Murray opens a practice. 2006 Dr Murray meets the singer.",
    "He won the 2004 Evening Standard award. Orders after 1530 EST were held. The 2010 Winter Games opened.",
])
def test_years_are_not_live_page_stamps(text: str) -> None:
    from timeline.text.boilerplate import _is_live_page

    assert not _is_live_page(text)
    spans = [clean_span(text, 0, len(text))]
    assert spans[0] == (0, len(text))


def test_photo_credits_are_cut_off_a_caption() -> None:
    text = ("(AP Photo\\/Charles Dharapak) (Charles Dharapak - AP) President Bush pauses during a press conference "
            "in the Rose Garden on Saturday.")
    span = clean_span(text, 0, len(text))
    assert span is not None and text[span[0]:span[1]].startswith("President Bush pauses")
    text = "(By Ariana Cubillos--Associated Press) President Bush warned yesterday against cutting aid."
    span = clean_span(text, 0, len(text))
    assert span is not None and text[span[0]:span[1]].startswith("President Bush warned")
    prose = "(Reuters) A bank said on Monday it would cut 500 jobs."  # not a credit: left to the stamp rules
    assert clean_span(prose, 0, len(prose)) is not None


@pytest.mark.parametrize(("glued", "story"), [
    (r"Photograph: Ann Lee\/AFP\/Getty Images Two new cases of the flu were confirmed in Tarrow on Monday.",
     "Two new cases of the flu were confirmed in Tarrow on Monday."),
    ("Masks are handed out at a station Photograph: Ann Lee/Reuters The toll rose to 20 on Monday, officials said.",
     "The toll rose to 20 on Monday, officials said."),
])
def test_a_caption_and_its_photo_credit_are_not_part_of_the_next_sentence(glued: str, story: str) -> None:
    text = "An earlier sentence ends here.\n" + glued
    span = clean_span(text, text.index(glued), len(text))
    assert span is not None and text[span[0]:span[1]] == story



def test_a_teaser_closed_by_its_link_is_not_reporting() -> None:
    # a newsletter's list of other stories: "HEADLINE – one line. Continue reading…"
    text = ("Welcome to the Harbour Health newsletter.\n\n"
            "END OF THE FLU? – The agency predicts the outbreak will end in 2026. Continue reading…\n\n"
            "STORM WARNING - Forecasters expect gales on Friday. Read more »\n\n"
            "The council approved the new flood wall on Monday, the mayor said.\n")
    article = Article(id="t", text=text, published=date(2025, 6, 4))
    whats = [e.what for e in extract_events(article)]
    assert not any("2026" in w or "gales" in w for w in whats)
    assert any(w.startswith("The council approved the new flood wall on Monday") for w in whats)


# A headline, caption or byline glued to an article's first sentence without punctuation (one
# sentence a line, the page's headline and captions run into the first): cut by the article's own
# casing, names and normal sentences kept.
_BODY = ("\nThe pop singer's family said the clinic had been warned. Fans of pop music gathered outside as the sun set. "
         "Cabinet papers and the minister's calls were read out, and the levy was called vital to the city. "
         "The mayor calls it a fair levy and will meet unions; the council said the city needs it on friday. "
    "An ambassador and ministers spoke. "
         "Mayor Tan spoke to reporters on Tuesday.")


@pytest.mark.parametrize(("glued", "story"), [
    # a caption, then a capitalised common word the article writes in lower case elsewhere
    ("Fans across the city marked a year since the singer's death Pop star Anna Vell's father has filed a lawsuit "
     "against the clinic.", "Pop star Anna Vell's father has filed a lawsuit against the clinic."),
    # a caption, then "A" opening the story
    ("Rescuers could hear knocking and freed the trapped man A 24-year-old man has been rescued alive from the rubble.",
     "A 24-year-old man has been rescued alive from the rubble."),
    # after a Title Case headline only a clause's opener starts the story
    ("The Officer Should Eat Last As a sign of how much the crisis has changed, pay cuts are offered.",
     "As a sign of how much the crisis has changed, pay cuts are offered."),
    # a Title Case headline (a capitalised small word, common words) before the story's subject,
    # which the article writes again ("Mayor Tan")
    ("Mayor Calls Levy Vital to City, Will Meet With Unions and Council Mayor Tan said yesterday that the levy would "
     "pass.", "Mayor Tan said yesterday that the levy would pass."),
])
def test_a_caption_or_title_case_headline_glued_to_the_first_sentence_is_cut_off(glued: str, story: str) -> None:
    text = glued + _BODY
    span = clean_span(text, 0, len(glued))
    assert span is not None and text[span[0]:span[1]] == story
    later = "An earlier sentence ends here.\n" + text  # not the article's first sentence: nothing glued
    start = later.index(glued)
    assert clean_span(later, start, start + len(glued)) == (start, start + len(glued))


def test_a_byline_after_a_page_stamp_is_cut_off() -> None:
    text = ("Page last updated at 07:40 GMT, Thursday, 5 June 2025 Harbour Radio reporter in Tarrow It had just gone "
            "11am when the jury returned.\nThe verdict was read out.")
    end = text.index("\n")
    span = clean_span(text, 0, end)
    assert span is not None and text[span[0]:end] == "It had just gone 11am when the jury returned."


@pytest.mark.parametrize("sentence", [
    "Students at the Kennedy School said the fees would rise again next year, the dean said.",  # a name
    "Veteran Labour MP and former Cabinet minister Jack Doe has said he will stand down.",  # "former" governs
    "Cases of the new influenza A virus rose to 300 in the city on Monday, officials said.",  # a letter
    "Director of National Intelligence Dana Blair told the committee yesterday that the threat grew.",
    "Traffic slowed across the city Monday morning as snow fell on the main roads, police said.",
    "Bank of America Chief Executive Kenneth Lewis said yesterday that the bank would repay the loan.",
    "The band played Pop Goes the Weasel at the start of the show, the organisers said.",  # a work's title
    "Many citizens ask for a passport, the agency reported quoting Romania' s Ambassador to Israel Ana Doe as saying.",
    "Ministers from four countries will meet here Friday to discuss the economic impact of falling prices.",
])
def test_a_first_sentence_that_is_the_story_keeps_every_word(sentence: str) -> None:
    text = sentence + _BODY + " The bank's chief executive and the national intelligence director spoke; the school met."
    assert clean_span(text, 0, len(sentence)) == (0, len(sentence))


_LOWER = st.sampled_from("the city council said on monday that roads were closed after snow fell and police warned "
                         "drivers to stay home while crews worked overnight".split())
_NAMES = st.sampled_from(["Kennedy", "Tarrow", "Elver", "Vell", "Lowrie", "Haverford", "Quist"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_LOWER, _NAMES), min_size=8, max_size=30))
def test_capitalised_words_never_written_in_lower_case_are_names_and_cut_nothing(words: list[str]) -> None:
    """A capitalised word the article never writes in lower case is a name: no caption cut there."""
    from timeline.text.glued import caption_cut, title_cut

    sentence = "Officials " + " ".join(words) + "."
    text = sentence + "\nThe city council said roads were closed after snow fell on monday."
    assert caption_cut(text, 0, len(sentence)) == 0
    assert title_cut(text, 0, len(sentence)) == 0
