/// A small annotated fixture of foreign-affairs sentences we wrote ourselves, in CoNLL columns
/// (token, gold tag), for a quality floor on the committed model.
enum ForeignAffairsFixture {
    static let conll = """
    -DOCSTART- O

    Russian B-MISC
    Foreign O
    Minister O
    Sergei B-PER
    Lavrov I-PER
    met O
    his O
    Turkish B-MISC
    counterpart O
    in O
    Ankara B-LOC
    on O
    Tuesday O
    . O

    The O
    European B-ORG
    Union I-ORG
    said O
    it O
    would O
    extend O
    sanctions O
    on O
    Moscow B-LOC
    for O
    six O
    months O
    . O

    Lavrov B-PER
    told O
    reporters O
    that O
    NATO B-ORG
    was O
    escalating O
    the O
    conflict O
    in O
    Ukraine B-LOC
    . O

    -DOCSTART- O

    German B-MISC
    Chancellor O
    Olaf B-PER
    Scholz I-PER
    spoke O
    with O
    President O
    Joe B-PER
    Biden I-PER
    by O
    telephone O
    about O
    aid O
    to O
    Kyiv B-LOC
    . O

    Scholz B-PER
    later O
    flew O
    to O
    Washington B-LOC
    for O
    talks O
    at O
    the O
    International B-ORG
    Monetary I-ORG
    Fund I-ORG
    . O

    -DOCSTART- O

    U.N. B-ORG
    Secretary-General O
    Antonio B-PER
    Guterres I-PER
    called O
    for O
    a O
    ceasefire O
    in O
    Gaza B-LOC
    and O
    urged O
    Israel B-LOC
    and O
    Egypt B-LOC
    to O
    open O
    more O
    crossings O
    . O

    The O
    World B-ORG
    Health I-ORG
    Organization I-ORG
    warned O
    that O
    cholera O
    was O
    spreading O
    in O
    Sudan B-LOC
    and O
    South B-LOC
    Sudan I-LOC
    . O

    -DOCSTART- O

    Iran B-LOC
    and O
    Saudi B-LOC
    Arabia I-LOC
    agreed O
    to O
    reopen O
    their O
    embassies O
    under O
    a O
    deal O
    brokered O
    by O
    China B-LOC
    , O
    officials O
    in O
    Tehran B-LOC
    said O
    . O

    Japanese B-MISC
    Prime O
    Minister O
    Fumio B-PER
    Kishida I-PER
    arrived O
    in O
    Brussels B-LOC
    for O
    a O
    summit O
    with O
    leaders O
    of O
    the O
    Group B-ORG
    of I-ORG
    Seven I-ORG
    . O

    """
}
