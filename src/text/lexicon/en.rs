//! English: verb-second only in `said Zelensky`; no pronoun after its verb (`said he was` is a
//! clause of its own); `according to` is read as a pair of words.

use super::Grammar;

pub(super) const GRAMMAR: Grammar = Grammar {
    code: "en",
    speech_verbs: "
        said says say saying wrote writes write writing told tells tell added adds add asked asks
        stated states declared declares explained explains noted notes continued continues posted
        posts tweeted tweets argued argues insisted insists claimed claims warned warns remarked
        remarks replied replies responded responds answered answers urged urges announced
        announces acknowledged acknowledges admitted admits suggested suggests stressed stresses
        emphasized emphasised emphasizes emphasises commented comments concluded concludes
        recalled recalls joked jokes quipped quips shouted yelled screamed whispered cried
        exclaimed demanded demands pleaded begged vowed vows promised promises predicted predicts
        observed observes reported reports testified conceded concedes countered counters
        complained complains lamented laments boasted boasts bragged mused muses wondered pointed
        charged charges accused accuses alleged alleges contended contends maintained maintains
        reiterated reiterates affirmed assured assures confirmed confirms denied denies disclosed
        revealed reveals cautioned cautions advised advises opined interjected chimed retorted
        snapped thundered fumed sighed laughed proclaimed proclaims messaged texted emailed
        blasted slammed criticized criticised praised hailed called calls described describes
        branded dubbed labelled labeled termed characterized characterised welcomed thanked read
        reads defended defends condemned condemns rebuked rebukes labeling labelling calling
        describing telling warning urging accusing claiming insisting noting arguing adding
        explaining declaring stating tweeting posting asking stressing suggesting vowing
        promising replying responding answering announcing acknowledging admitting emphasizing
        emphasising recalling demanding pleading lamenting complaining criticizing criticising
        condemning blasting slamming praising describe urge warn insist argue ask respond
        announce admit acknowledge explain declare sang sings beamed remembered remembers
        remarking chided chiding mocked mocking scoffed recounted recounts
    ",
    titles: "
        president vice prime minister secretary secretary-general general gen gen. lt lt.
        lieutenant col col. colonel maj maj. major capt capt. captain sgt sgt. sergeant adm adm.
        admiral cmdr commander chancellor chairman chairwoman chair chief ceo director spokesman
        spokeswoman spokesperson spokesmen envoy ambassador senator sen sen. sens sens. rep rep. reps reps.
        representative congressman congresswoman gov gov. governor mayor judge justice attorney
        speaker leader king queen prince princess pope cardinal bishop rev rev. reverend dr dr.
        prof prof. professor mr mr. mrs mrs. ms ms. miss sir dame lord lady mp mep deputy acting
        former foreign defense defence interior finance state special senior press officer
        official head founder co-founder candidate nominee republican democrat democratic gop
        premier sheikh emir crown executive manager coach analyst economist correspondent
        reporter editor columnist host anchor commissioner counsel councillor councilor councilman
        councilwoman assemblyman assemblywoman u.s. us u.n. un uk u.k. eu nato presidential
        campaign party national federal supreme top retired then now incoming outgoing ex ex-
        boss midfielder defender striker goalkeeper
    ",
    not_names: "
        monday tuesday wednesday thursday friday saturday sunday january february march april may
        june july august september october november december today yesterday tomorrow tonight
        earlier later then but and or so yet also still however meanwhile in on at as after
        before when while if though although the a an this that these those it its there here
        what who which where why how we i you they he she his her their our my your photo image
        images getty afp reuters ap file credit source video watch read more related editor
        editors note update updated advertisement subscribe share click according asked speaking
        writing posting said says wrote told added not no yes one two three mr mrs ms dr sen rep
        am pm gmt utc est edt pst pdt bst cet cest live breaking exclusive opinion analysis both
        another each every
    ",
    organisation_nouns: "
        ministry government office service services department agency army military police
        embassy administration committee council campaign company authorities authority command
        staff forces headquarters commission court parliament party firm group organization
        organisation institute foundation union federation coalition alliance mission board
        bureau cabinet presidency spokesperson prosecutors officials administration's network
        newspaper agency's league cup championship championships tournament olympics festival
        summit conference
    ",
    statement_nouns: "
        statement statements claim claims post posts message words comments comment remarks
        remark tweet tweets assertion response reply warning plea speech letter answer promise
        pledge vow call description slogan motto line quip retort argument callout rebuke demand
        request appeal criticism order threat reaction account version tirade outburst
    ",
    clause_words: "
        after before when while as but and because since if with of in on at for to by that
        which where though although until from about during like unlike beyond despite given
        against among without
    ",
    particles: "al bin ibn",
    verb_adverbs: "
        also later then earlier again once further now has had have would will was is did just
        first still simply previously recently today soon
    ",
    determiners: "the this that these those its his her their our",
    articles: "the",
    pronouns: "he she",
    inverted_pronouns: "",
    according: "",
    after_quote_cues: "",
    auxiliaries: "",
    profile: "the and of to is that with for was",
    pro_drop: false,
    inverts_subject: false,
    nouns_capitalised: false,
};
