"""The bilingual newsletter: subscribing and unsubscribing (`subscriptions`), sending a
newsletter page to its audience, each subscriber in their language (`sending`), the forms of
the public site (`forms`) and the editors' send page in the admin (`admin_views`). The pages and
records are in community/models/newsletter.py."""
