//! The sample article offered on the start screen. Invented for Apostil: every person,
//! organisation and event in it is fictional.

/// Title of the sample.
pub const TITLE: &str =
    "Harbour city approves $48 million flood barrier after stormy council debate";

/// The sample article, with the page junk a copy-paste from a news site brings along.
pub const ARTICLE: &str = "Harbour city approves $48 million flood barrier after stormy council debate

By Tomas Ferreira

Published: March 14, 2025 | 6:40 PM

PORT ALDER — The Port Alder City Council voted 7-2 on Tuesday to build a $48 million flood barrier along the Merrow Estuary, ending two years of argument over how the city should protect its waterfront.

Mayor Helena Okafor called the vote \"a promise to every family that has bailed water out of a basement.\" She said construction would begin in September and finish by the spring of 2028.

The barrier will be designed by Caldera Engineering, a firm based in Rotterdam, and paid for with a state grant of $31 million and a municipal bond. Okafor said the city had asked the Department of Coastal Resilience for a further $5 million.

Councillor Denis Marchetti, who voted against the plan, said the cost had grown too quickly. \"We were told $30 million last spring. Now it is $48 million, and nobody can tell me what it will be next year,\" Marchetti said.

Residents of the Lower Quay neighbourhood packed the meeting. \"My street flooded four times last winter,\" said Priya Raman, who has run a bakery on Cannery Row since 2011. \"I don't care what it costs. I care that it works.\"

Dr. Samuel Achterberg, a hydrologist at Northgate University, told the council that sea levels in the estuary had risen about 9 centimetres since 1990. \"The question is not whether the water comes, but when,\" he said.

Okafor said a public information session would be held at the Alder Public Library on April 2.

Leave a Reply
Your email stays private. Fields marked * must be filled in.
Comment
Name *
Email *
Post Comment

You May Also Like
Ferry fares to rise 4% from June
Port Alder marathon draws record field
Five bakeries worth the queue this weekend
";
