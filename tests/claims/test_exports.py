"""Exports: schema.org ClaimReview and W3C Web Annotations."""

from __future__ import annotations

from typing import Any

import pytest

FT_WORDS = "which is temporarily suspended because of the Iran crisis"
NATO_WORDS = "We have suspended our training mission now, because of the security situation"

# Properties of each schema.org type used, as listed on https://schema.org/<Type> (including
# those inherited from CreativeWork and Thing). Every key of the export must be one of them.
THING = {"name", "url", "alternateName", "description", "identifier", "sameAs"}
CREATIVE_WORK = THING | {"headline", "datePublished", "publisher", "author", "text", "inLanguage"}
SCHEMA_ORG = {
    "ClaimReview": CREATIVE_WORK | {"claimReviewed", "itemReviewed", "reviewRating", "reviewBody"},
    "Claim": CREATIVE_WORK | {"appearance", "firstAppearance", "claimInterpreter"},
    "CreativeWork": CREATIVE_WORK,
    "Rating": THING
    | {"ratingValue", "bestRating", "worstRating", "ratingExplanation", "reviewAspect", "author"},
    "Person": THING | {"jobTitle", "affiliation"},
    "Organization": THING | {"logo", "legalName"},
}
# W3C Web Annotation vocabulary (https://www.w3.org/TR/annotation-vocab/) for the same check.
ANNOTATION = {
    "AnnotationCollection": {"@context", "id", "type", "label", "total", "first", "last"},
    "AnnotationPage": {"id", "type", "partOf", "startIndex", "items", "next", "prev"},
    "Annotation": {"id", "type", "motivation", "created", "creator", "body", "target"},
    "TextualBody": {"type", "value", "purpose", "format", "language"},
    "TextQuoteSelector": {"type", "exact", "prefix", "suffix"},
    "TextPositionSelector": {"type", "start", "end"},
}
MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
    "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}  # fmt: skip


def _nodes(value: Any, type_key: str) -> list[dict]:
    """Every object in the JSON that declares a type, at any depth."""
    found = []
    if isinstance(value, dict):
        if type_key in value:
            found.append(value)
        for child in value.values():
            found += _nodes(child, type_key)
    elif isinstance(value, list):
        for child in value:
            found += _nodes(child, type_key)
    return found


@pytest.fixture
def claim(client, editor, seeds, make_claim) -> dict:
    claim = make_claim()
    for document, words in ((seeds["ft"], FT_WORDS), (seeds["nato"], NATO_WORDS)):
        client.post(
            f"/claims/{claim['id']}/evidence",
            json={"document_id": document["id"], "exact": words, "note": "Checked by the desk."},
            headers=editor,
        )
    return claim


def _review(client, reader, claim_id: int) -> dict:
    response = client.get(f"/claims/{claim_id}/claimreview", headers=reader)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    return response.json()


def test_claimreview_uses_only_schema_org_types_and_properties(client, reader, claim):
    review = _review(client, reader, claim["id"])
    assert review["@context"] == "https://schema.org"
    nodes = _nodes(review, "@type")
    assert {n["@type"] for n in nodes} == set(SCHEMA_ORG)
    for node in nodes:
        unknown = set(node) - SCHEMA_ORG[node["@type"]] - {"@type", "@context"}
        assert not unknown, f"{node['@type']} has no properties {unknown}"


def test_claimreview_names_the_claim_its_first_appearance_and_who_made_it(client, reader, claim):
    review = _review(client, reader, claim["id"])
    item = review["itemReviewed"]
    assert review["claimReviewed"] == claim["text"]
    assert item["author"] == {"@type": "Person", "name": "Jens Stoltenberg"}
    assert item["firstAppearance"]["headline"] == "NATO addresses Middle East tensions"
    assert [a["datePublished"] for a in item["appearance"]] == ["2020-01-06", "2020-01-09"]
    assert item["appearance"][1]["publisher"] == {
        "@type": "Organization",
        "name": "Financial Times",
    }


def test_an_unrated_claim_exports_its_status_without_a_rating_value(client, reader, claim):
    rating = _review(client, reader, claim["id"])["reviewRating"]
    assert "ratingValue" not in rating
    assert rating["alternateName"] == "unreviewed"
    assert (rating["bestRating"], rating["worstRating"]) == (5, 1)


def test_a_rated_claim_exports_its_rating_and_label(client, editor, reader, claim):
    client.patch(
        f"/claims/{claim['id']}",
        json={"status": "supported", "rating_value": 5, "rating_label": "Accurate"},
        headers=editor,
    )
    rating = _review(client, reader, claim["id"])["reviewRating"]
    assert (rating["ratingValue"], rating["alternateName"]) == (5, "Accurate")


def test_the_review_author_is_the_configured_newsroom(client, reader, claim, monkeypatch):
    from app.config import get_settings

    monkeypatch.setenv("ATTEST_ORGANISATION_NAME", "The Brussels Desk")
    monkeypatch.setenv("ATTEST_ORGANISATION_URL", "https://desk.example/")
    get_settings.cache_clear()
    try:
        author = _review(client, reader, claim["id"])["author"]
    finally:
        monkeypatch.delenv("ATTEST_ORGANISATION_NAME")
        monkeypatch.delenv("ATTEST_ORGANISATION_URL")
        get_settings.cache_clear()
    assert author == {
        "@type": "Organization",
        "name": "The Brussels Desk",
        "url": "https://desk.example/",
    }


def test_a_claim_without_evidence_still_exports(client, reader, make_claim):
    review = _review(client, reader, make_claim()["id"])
    assert review["itemReviewed"] == {"@type": "Claim", "appearance": []}


def _annotations(client, reader, claim_id: int) -> dict:
    response = client.get(f"/claims/{claim_id}/annotations", headers=reader)
    assert response.status_code == 200
    assert "anno.jsonld" in response.headers["content-type"]
    return response.json()


def test_annotations_use_only_the_web_annotation_vocabulary(client, reader, claim):
    collection = _annotations(client, reader, claim["id"])
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    for node in _nodes(collection, "type"):
        assert set(node) <= ANNOTATION[node["type"]], node["type"]
    annotations = collection["first"]["items"]
    assert collection["total"] == len(annotations) == 2
    assert {a["motivation"] for a in annotations} <= MOTIVATIONS
    purposes = {b["purpose"] for a in annotations for b in a["body"]}
    assert purposes <= MOTIVATIONS


def test_each_annotation_selects_the_evidence_words_in_its_document(client, reader, seeds, claim):
    texts = {f"http://testserver/documents/{d['id']}": d["text"] for d in seeds.values()}
    for annotation in _annotations(client, reader, claim["id"])["first"]["items"]:
        target = annotation["target"]
        quote, position = target["selector"]
        assert (quote["type"], position["type"]) == ("TextQuoteSelector", "TextPositionSelector")
        text = texts[target["source"]]
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])


def test_each_annotation_body_carries_the_claim_the_stance_and_the_note(client, reader, claim):
    annotation = _annotations(client, reader, claim["id"])["first"]["items"][0]
    bodies = {b["purpose"]: b["value"] for b in annotation["body"]}
    assert bodies == {
        "describing": claim["text"],
        "classifying": "supports",
        "commenting": "Checked by the desk.",
    }
