"""Edge cases of the extractor's token arithmetic (places at the very end of a text)."""

from marsad.pipeline import load_stages
from marsad.records import RawArticle
from marsad.text.clean import build_document


def test_place_glued_to_the_last_token_does_not_crash():
    # the place (الرقة) begins inside the text's last token (بالرقة): the index past the last word
    text = ("شنت طائرات التحالف الدولي أمس غارات جوية عنيفة على مواقع لتنظيم داعش في شمال سوريا، "
            "وقالت مصادر إن الغارات استهدفت مقرات للتنظيم بالرقة")
    doc = build_document(RawArticle(source="t", id="t", text=text, published="2015-08-01"))
    for stage in load_stages().values():
        stage(doc)
    assert [event.location.name_en for event in doc.events if event.location] == ["Ar Raqqah"]
