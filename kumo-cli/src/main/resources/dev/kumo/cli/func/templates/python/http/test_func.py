"""Run with: python3 -m unittest"""
import unittest

import func


class HandleTest(unittest.TestCase):

    def test_echoes_the_body(self):
        reply = func.handle({"method": "POST", "path": "/", "query": "", "headers": {}, "body": "hi"})
        self.assertEqual(reply["status"], 200)
        self.assertEqual(reply["body"], "hi")

    def test_greets_without_a_body(self):
        reply = func.handle({"method": "GET", "path": "/", "query": "", "headers": {}, "body": ""})
        self.assertEqual(reply["body"], "Hello, world!\n")


if __name__ == "__main__":
    unittest.main()
