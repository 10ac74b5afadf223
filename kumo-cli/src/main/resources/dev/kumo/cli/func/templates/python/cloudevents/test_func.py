"""Run with: python3 -m unittest"""
import unittest

import func


class HandleTest(unittest.TestCase):

    def test_answers_with_a_response_event_carrying_the_data(self):
        reply = func.handle({"specversion": "1.0", "id": "1", "source": "/test", "type": "dev.example.ping",
                             "datacontenttype": "application/json", "data": {"message": "hi"}})
        self.assertEqual(reply["type"], "dev.kumo.func.response")
        self.assertEqual(reply["data"], {"message": "hi"})


if __name__ == "__main__":
    unittest.main()
